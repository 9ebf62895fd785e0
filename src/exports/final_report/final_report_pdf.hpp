#pragma once
#include <string>

#include "core/final_report/final_report_document.hpp"

namespace shido::exports {

// The 最終報告書 as a PDF (embedded IPAex font): the sections, the sessions held, the
// self-assessment's first and final rounds, the history of submission and review.
std::string render_final_report_pdf(const core::final_report::Document& report);

}  // namespace shido::exports
