#pragma once
#include <string>

#include "core/action_plan/plan_document.hpp"

namespace shido::exports {

// 【様式3】 as an .xlsx: title, company, version and approval, the 管理番号 note and the form's
// 記入に当たっての注意事項 above a two-row header (絞り込み over 実施可否 / 実施期限), one row per
// measure in sheet order, drop-down lists on the area, ✔ and rated columns (also on spare rows
// below, for rows added in Excel). Every text is neutralised. The file reads back with
// read_xlsx_cells() and core::action_plan::read_plan_rows().
std::string write_action_plan_xlsx(const core::action_plan::PlanDocument& document);

// The same plan as an A4 landscape PDF (embedded Japanese font), one table per 改善分野.
std::string render_action_plan_pdf(const core::action_plan::PlanDocument& document);

}  // namespace shido::exports
