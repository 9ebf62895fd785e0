#pragma once
#include <string>

#include "core/course/report.hpp"

namespace shido::exports {

// 実施報告 as a document people file (A4, IPAex fonts, page numbers).
std::string render_session_report_pdf(const core::ReportDocument& report);

}  // namespace shido::exports
