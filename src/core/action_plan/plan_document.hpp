#pragma once
#include <string>
#include <vector>

#include "core/action_plan/plan_sheet.hpp"

namespace shido::core::action_plan {

// The 様式3 sheet as a document to print or hand over: every text already resolved (labels
// from content, the company, the approval), so the exports only lay it out.
struct PlanDocumentRow {
    PlanSheetRow cells;
    bool far_deadline = false;  // beyond the plan's horizon: marked in the PDF and the sheet
};

struct PlanDocument {
    std::string title;  // 【様式3】業界ガイドライン適合のための対策実行計画書
    std::string sheet_name;  // the worksheet's tab
    std::string company_name;
    std::string generated_on;  // YYYY-MM-DD, Japan time
    std::string version_line;  // 第3版（承認: 山田 太郎 2026-12-01）or 第3版（未承認）
    std::string id_note;       // how 管理番号 matches rows on import
    std::string instructions_title;         // 【記入に当たっての注意事項】
    std::vector<std::string> instructions;  // the form's numbered points
    std::string far_deadline_note;          // what the mark on a far deadline means
    PlanSheetForm form;
    std::vector<PlanDocumentRow> rows;  // in sheet order (in_sheet_order)
};

}  // namespace shido::core::action_plan
