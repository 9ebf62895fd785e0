#pragma once
#include <string>

#include "core/diagnosis/report.hpp"

namespace shido::exports {

// The workbook 「自社診断結果のまとめ」 as the bytes of an .xlsx file. Sheets: サマリー (totals,
// per-role and per-respondent results, a radar chart of the parts by role), 項目別 (one row per
// item), 課題整理 (the findings in priority order, with drop-down lists on the ratings).
// Every text cell is written as a string through neutralise_cell(). Throws std::invalid_argument
// when the report has no instrument and std::runtime_error when the file cannot be written.
std::string write_summary_xlsx(const core::diagnosis::DiagnosisReport& report);

}  // namespace shido::exports
