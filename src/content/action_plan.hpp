#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "content/regulations.hpp"
#include "core/action_plan/action_plan.hpp"
#include "core/action_plan/plan_sheet.hpp"
#include "core/diagnosis/instrument.hpp"

namespace shido::content {

// 【様式3】業界ガイドライン適合のための対策実行計画書 (content/action_plan/<id>.json): the form's
// title, columns and instructions, the labels of its choices, the four 改善分野 and which
// diagnosis item and rule category falls in each, and the horizon beyond which a deadline is
// flagged. The choices' keys are exactly core::action_plan's, in that order.
struct PlanChoice {
    std::string key;
    std::string label;
};

struct PlanArea {
    std::string key;
    std::string label;
    std::vector<int> diagnosis_items;
    std::vector<int> rule_categories;
};

struct PlanColumns {
    std::string id, area, situation, action, business_linked, urgency, importance, difficulty,
        narrowing, feasibility, deadline, concerns, owner, progress,
        sources;  // the workbook's column of where a measure came from (shown, not read back)
};

// What the 様式3 workbook says above its rows beyond the form itself.
struct PlanSheetNotes {
    std::string id_note;            // how 管理番号 matches the rows when the file comes back
    std::string far_deadline_note;  // what the marked deadlines mean
    std::string check_mark;         // ✔ of 経営施策
};

struct ActionPlanContent {
    std::string id;
    int version = 0;
    std::string title;
    std::string sheet_name;
    int session_no = 0;
    std::string horizon_note;
    PlanColumns columns;
    PlanSheetNotes sheet_notes;
    std::string instructions_title;
    std::vector<std::string> instructions;  // the form's five points
    std::vector<PlanChoice> feasibility;
    std::vector<PlanChoice> progress;
    std::vector<PlanArea> areas;
    core::action_plan::PlanRules rules;  // derived from the above for core's checks

    const PlanArea* area(const std::string& key) const;
};

// Every item of `instrument` and every category of `regulations` must fall in exactly one area.
ActionPlanContent parse_action_plan(const nlohmann::json& doc, const std::string& source,
                                    const core::diagnosis::Instrument& instrument,
                                    const Regulations& regulations);

// The form's vocabulary for the 様式3 workbook: what the export writes and the import accepts.
core::action_plan::PlanSheetForm sheet_form_of(const ActionPlanContent& content);

}  // namespace shido::content
