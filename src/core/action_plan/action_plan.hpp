#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/action_plan/measure.hpp"
#include "core/documents/document_state.hpp"
#include "core/engagements/engagement.hpp"
#include "core/rules/rules_check.hpp"
#include "core/validation.hpp"

namespace shido::core::action_plan {

// What the plan's rules need from its content (content/action_plan/<id>.json): the areas in
// their order, which area each diagnosis item and each rule category falls in, and the horizon.
struct PlanRules {
    std::vector<std::string> area_keys;
    std::vector<std::string> area_labels;         // by area_keys' index
    std::vector<std::string> feasibility_labels;  // 可 / 否, by Feasibility
    std::vector<std::string> progress_labels;     // by progress_values
    std::map<std::string, std::string> field_labels;  // situation → 現状と課題, … (the columns)
    std::map<int, std::string> item_area;             // diagnosis item no → area key
    std::map<int, std::string> category_area;         // rule category no → area key
    std::string instrument_id;                        // the diagnosis edition the items belong to
    std::string regulations_id;  // the 様式2 edition the categories belong to
    int horizon_months = 12;     // beyond this a deadline is flagged
};

// One row as a person (the screen, later the Excel import) sends it: choices still as keys,
// so a wrong key (「特高」) is reported at its row and field instead of being lost in parsing.
struct MeasureInput {
    Id id = 0;  // 0: a new row
    std::string area_key;
    std::string situation;
    std::string action;
    bool business_linked = false;
    std::optional<std::string> urgency, importance, difficulty, feasibility, deadline, progress;
    std::string concerns;
    std::string owner;
};

// The field name every error of a row carries: measures[<index>].<field>.
std::string measure_field(std::size_t index, std::string_view field);

// 「a」「b」「c」: the choices an error message offers.
std::string choices_text(const std::vector<std::string>& labels);

// The typed row; a key that is not one of the choices fails at measures[index].<field>.
Measure parsed_measure(const MeasureInput& in, std::size_t index, const PlanRules& rules,
                       Validator& v);

// The dates a plan is judged against. The programme starts with the first session (held or
// planned; the engagement's opening day before any is dated); the plan's reference date is
// the last session, held or planned, since the plan is what the company does after it.
struct PlanDates {
    std::string start;      // YYYY-MM-DD
    std::string reference;  // YYYY-MM-DD
};
PlanDates plan_dates(const std::vector<SessionPlan>& sessions, const std::string& opened_on);

// The checks of a whole sheet: the number of rows, a known area, text lengths and characters,
// a real deadline not before the programme started. Every problem in `v` under
// measures[<index>].<field>, with the row number (1-based) in its Japanese message.
void validate_sheet(const std::vector<Measure>& measures, const PlanRules& rules,
                    const PlanDates& dates, Validator& v);

// The priority rule, in this order (ties go to the next rule):
//  1. 実施可 first, then undecided, then 否 (what will be done is planned first);
//  2. higher 緊急度, then higher 重要度 (unset ranks below 低);
//  3. easier 難易度 (unset ranks as 難): quick wins before hard ones of equal weight;
//  4. earlier 実施期限 (none ranks last);
//  5. the position people gave the row.
std::vector<Measure> prioritised(std::vector<Measure> measures);

// A deadline more than rules.horizon_months after the reference date: the guide narrows the
// plan to what can be done in about a year, so such a row is shown as one to reconsider.
bool beyond_horizon(const Measure& measure, const PlanDates& dates, int horizon_months);

// A 様式2 row marked new or revised, with the texts the plan shows for it.
struct RuleSource {
    rules::RulesRow row;
    std::string category_name;
    std::string result_label;
};

// The measures to add for the key findings and the flagged rule categories that no measure
// of `existing` comes from yet (building twice adds nothing): a finding's 課題 becomes
// 現状と課題 with its ratings; a category's 内容 / 担当 / 期限 become the measure, its owner and
// deadline. New rows have id 0 and positions after the existing ones.
std::vector<Measure> build_from(const std::vector<diagnosis::Finding>& findings,
                                const std::vector<RuleSource>& rule_rows, const PlanRules& rules,
                                const std::vector<Measure>& existing);

// Whether each key finding / flagged rule category is covered by a measure yet.
struct Coverage {
    SourceKind kind = SourceKind::finding;
    std::string key;
    int no = 0;                   // the item or category number
    std::string text;             // the finding's 課題 or the category's name
    std::vector<Id> measure_ids;  // empty: 未対応
};
std::vector<Coverage> coverage_of(const std::vector<diagnosis::Finding>& findings,
                                  const std::vector<RuleSource>& rule_rows, const PlanRules& rules,
                                  const std::vector<Measure>& measures);

// What a whole-sheet save would change, for the preview: rows matched by id.
struct FieldChange {
    std::string field;
    std::string before;
    std::string after;
};
struct RowChange {
    Id id = 0;
    std::vector<FieldChange> fields;
};
struct SheetChanges {
    std::vector<Measure> added;    // id 0
    std::vector<Measure> removed;  // in existing, not in incoming
    std::vector<RowChange> changed;
    bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
};
SheetChanges changes_between(const std::vector<Measure>& existing,
                             const std::vector<Measure>& incoming);

// not_started (no plan) → draft → approved (the current version approved by the owner) →
// submitted (that approved version handed to the secretariat). A later change is a draft again.
struct PlanVersions {
    int version = 0;  // 0: no plan stored
    std::optional<int> approved_version;
    std::optional<int> submitted_version;
};
documents::DocumentState state_of(const PlanVersions& plan);

}  // namespace shido::core::action_plan
