#pragma once
#include <string>

#include "core/hearing/hearing_sheet.hpp"

namespace shido::exports {

// 【様式1】ヒアリングシート as a workbook: title, company, date, then one row per item with its
// section, the item, 事前準備, the result and 不明瞭 (wrapped text, every cell neutralised).
std::string write_hearing_xlsx(const core::hearing::HearingDocument& sheet);

// The same sheet as an A4 PDF (IPAex fonts embedded, page numbers).
std::string render_hearing_pdf(const core::hearing::HearingDocument& sheet);

}  // namespace shido::exports
