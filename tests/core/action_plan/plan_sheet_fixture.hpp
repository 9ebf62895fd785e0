#pragma once
// The 様式3 vocabulary the action plan's sheet tests share (as content/action_plan gives it).
#include "core/action_plan/plan_sheet.hpp"

namespace shido::core::action_plan::plan_fixture {

inline PlanSheetForm plan_form() {
    PlanSheetForm form;
    form.headers = {"管理番号",
                    "改善分野",
                    "現状と課題",
                    "具体的改善対策",
                    "経営施策（✔）",
                    "緊急度",
                    "重要度",
                    "難易度",
                    "実施可否",
                    "実施期限",
                    "予算、要員等の懸念点",
                    "担当",
                    "進捗",
                    "つながり（参照のみ）"};
    form.narrowing_header = "絞り込み";
    form.areas = {{"organisational", "組織的対策"},
                  {"human", "人的対策"},
                  {"technical", "技術的対策"},
                  {"physical", "物理的対策"}};
    form.feasibility_labels = {"可", "否"};
    form.progress_labels = {"未着手", "実施中", "完了", "見送り"};
    form.check_mark = "✔";
    return form;
}

}  // namespace shido::core::action_plan::plan_fixture
