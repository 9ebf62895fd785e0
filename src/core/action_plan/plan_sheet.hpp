#pragma once
#include <array>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/action_plan/measure.hpp"
#include "core/error.hpp"
#include "core/office/sheet_cells.hpp"

namespace shido::core::action_plan {

// The 様式3 workbook: where the export puts things and the import looks for them (1-based,
// column 1 = A). Above the header: title, company and version, a note on 管理番号, the form's
// 記入に当たっての注意事項. The header takes two rows because 絞り込み spans 実施可否 and 実施期限.
enum class PlanColumn {
    id = 1,  // 管理番号: the row's stable id; empty for a row added in Excel
    area,
    situation,
    action,
    business_linked,
    urgency,
    importance,
    difficulty,
    feasibility,
    deadline,
    concerns,
    owner,
    progress,
    sources,  // where the measure came from: shown, never read back
};
inline constexpr int plan_column_count = 14;
inline constexpr int plan_header_row = 6;     // the column titles
inline constexpr int plan_subheader_row = 7;  // 実施可否 / 実施期限 under 絞り込み
inline constexpr int plan_first_data_row = 8;

struct PlanArea {
    std::string key;
    std::string label;
};

// The vocabulary of the form, from content: what the export writes and the import accepts.
struct PlanSheetForm {
    std::vector<std::string> headers;  // by column; 実施可否 and 実施期限 are the sub-headers
    std::string narrowing_header;      // 絞り込み
    std::vector<PlanArea> areas;       // in the form's order
    std::array<std::string, 2> feasibility_labels;  // 可 / 否, by Feasibility
    std::array<std::string, 4> progress_labels;     // by progress_values
    std::string check_mark;                         // ✔
};

// One row as texts by column, the way the sheet shows it.
using PlanSheetRow = std::array<std::string, plan_column_count>;

PlanSheetRow sheet_row_of(const Measure& measure, const PlanSheetForm& form,
                          const std::string& sources_text);
std::string area_label(const PlanSheetForm& form, const std::string& area_key);

// Measures in the order the sheet lists them: by the form's areas, then as people arranged
// them (position); a measure of an area the form does not know comes last.
std::vector<Measure> in_sheet_order(std::vector<Measure> measures, const PlanSheetForm& form);

// The rated columns' drop-down choices, as the sheet lists them.
std::vector<std::string> level_choices();       // 高 中 低
std::vector<std::string> difficulty_choices();  // 易 中 難

struct PlanImportLimits {
    std::set<Id> known_ids;  // the plan's rows: 管理番号 must be one of them
    std::optional<std::string> earliest_deadline;  // the programme's start, YYYY-MM-DD
};

struct PlanImportOutcome {
    std::vector<Measure> measures;            // in file order (position 1…), when no errors
    std::vector<DomainError::Detail> errors;  // row, column letter, message
};

// Every cell checked, every problem reported by row and column; measures only when there is
// none. Sources are never read from the file: the caller keeps each known row's own.
PlanImportOutcome read_plan_rows(const office::SheetCells& sheet, const PlanSheetForm& form,
                                 const PlanImportLimits& limits);

}  // namespace shido::core::action_plan
