#pragma once
#include <string>

#include "core/rules/rules_document.hpp"

namespace shido::exports {

// 【様式2】関連規程類の点検結果シート as an .xlsx: title, company and date, the notes, the header
// row and one row per category (core::rules::RulesColumn, core::rules::rules_header_row), with
// a drop-down of the four review results on the result column. Every text is neutralised. The
// file reads back with read_xlsx_cells() and core::rules::read_rules_rows().
std::string write_rules_xlsx(const core::rules::RulesDocument& document);

}  // namespace shido::exports
