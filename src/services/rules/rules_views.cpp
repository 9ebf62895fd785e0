#include "services/rules/rules_views.hpp"

#include "services/json_helpers.hpp"

namespace shido::services {

namespace {

nlohmann::json rules_result_json(const std::optional<core::rules::ReviewResult>& result) {
    return result ? nlohmann::json(std::string(core::rules::key_of(*result)))
                  : nlohmann::json(nullptr);
}

nlohmann::json rules_form_json(const content::Regulations& r) {
    const auto& f = r.form;
    const auto& c = f.columns;
    nlohmann::json results = nlohmann::json::array();
    for (const auto& result : r.review_results)
        results.push_back({{"key", result.key}, {"label", result.label}});
    return {{"sheet_title", f.sheet_title},
            {"session_no", f.session_no},
            {"review_session_nos", f.review_session_nos},
            {"choice_note", f.choice_note},
            {"upkeep_note", f.upkeep_note},
            {"columns",
             {{"no", c.no},
              {"category", c.category},
              {"outline", c.outline},
              {"result", c.result},
              {"content", c.content},
              {"assignee", c.assignee},
              {"due_date", c.due_date},
              {"upkeep", c.upkeep}}},
            {"results", results}};
}

nlohmann::json rules_summary_json(const core::rules::RulesSummary& s) {
    nlohmann::json by_result = nlohmann::json::object();
    for (auto result : core::rules::review_results)
        by_result[std::string(core::rules::key_of(result))] =
            s.by_result[core::rules::index_of(result)];
    return {{"by_result", by_result},
            {"unset", s.unset},
            {"total", s.total},
            {"action_plan_categories", s.action_plan_categories}};
}

}  // namespace

nlohmann::json to_json(const RulesCheckView& view) {
    const auto& check = view.check;
    const auto& regs = *view.regulations;
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : check.rows) {
        const auto& category = regs.categories.at(static_cast<std::size_t>(row.category_no - 1));
        rows.push_back(
            {{"category_no", row.category_no},
             {"category_key", row.category_key},
             {"name", category.name},
             {"outline", category.outline},
             {"result", rules_result_json(row.result)},
             {"content", row.content},
             {"assignee", row.assignee},
             {"due_date", nullable(row.due_date)},
             {"upkeep", row.upkeep},
             {"feeds_action_plan", row.result && core::rules::feeds_action_plan(*row.result)}});
    }
    return {{"engagement_id", check.engagement_id},
            {"regulations",
             {{"id", check.regulations_id},
              {"version", check.regulations_version},
              {"title", regs.title}}},
            {"version", check.version},
            {"state", std::string(core::documents::key_of(view.state))},
            {"state_label", std::string(core::documents::label_of(view.state))},
            {"updated_at", nullable(check.updated_at)},
            {"updated_by_name", nullable(check.updated_by_name)},
            {"submitted_at", nullable(check.submitted_at)},
            {"submitted_version", nullable(check.submitted_version)},
            {"form", rules_form_json(regs)},
            {"rows", rows},
            {"summary", rules_summary_json(view.summary)}};
}

nlohmann::json snapshot(const core::rules::RulesCheck& check) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : check.rows)
        rows.push_back({{"category_no", row.category_no},
                        {"category_key", row.category_key},
                        {"result", rules_result_json(row.result)},
                        {"content", row.content},
                        {"assignee", row.assignee},
                        {"due_date", nullable(row.due_date)},
                        {"upkeep", row.upkeep}});
    return {{"regulations_id", check.regulations_id},
            {"regulations_version", check.regulations_version},
            {"version", check.version},
            {"rows", rows}};
}

}  // namespace shido::services
