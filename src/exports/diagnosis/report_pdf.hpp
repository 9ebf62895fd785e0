#pragma once
#include <string>

#include "core/diagnosis/report.hpp"

namespace shido::exports {

// The report 「自社診断結果報告」 as PDF bytes (A4, IPAexGothic embedded): the overall result
// and its band, results by role, a radar chart of the parts by role, a bar chart of the mean
// points per item by role, the items to drill down with their check points, and the findings
// in priority order. Page numbers in the footer. Throws std::invalid_argument when the report
// has no instrument and std::runtime_error when cairo fails.
std::string render_report_pdf(const core::diagnosis::DiagnosisReport& report);

}  // namespace shido::exports
