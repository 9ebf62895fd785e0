#include "services/action_plan/action_plan_views.hpp"

#include "core/diagnosis/findings.hpp"
#include "services/json_helpers.hpp"
#include "storage/action_plan/measure_json.hpp"

namespace shido::services {

namespace {

nlohmann::json plan_choices_json(const std::vector<content::PlanChoice>& choices) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : choices) out.push_back({{"key", c.key}, {"label", c.label}});
    return out;
}

nlohmann::json plan_form_json(const content::ActionPlanContent& p) {
    const auto& c = p.columns;
    nlohmann::json areas = nlohmann::json::array();
    for (const auto& a : p.areas) areas.push_back({{"key", a.key}, {"label", a.label}});
    nlohmann::json levels = nlohmann::json::array();
    for (auto l : {core::diagnosis::Level::high, core::diagnosis::Level::medium,
                   core::diagnosis::Level::low})
        levels.push_back({{"key", std::string(core::diagnosis::to_string(l))},
                          {"label", std::string(core::diagnosis::label_ja(l))}});
    nlohmann::json difficulties = nlohmann::json::array();
    for (auto d : {core::diagnosis::Difficulty::easy, core::diagnosis::Difficulty::medium,
                   core::diagnosis::Difficulty::hard})
        difficulties.push_back({{"key", std::string(core::diagnosis::to_string(d))},
                                {"label", std::string(core::diagnosis::label_ja(d))}});
    return {{"title", p.title},
            {"columns",
             {{"id", c.id},
              {"area", c.area},
              {"situation", c.situation},
              {"action", c.action},
              {"business_linked", c.business_linked},
              {"urgency", c.urgency},
              {"importance", c.importance},
              {"difficulty", c.difficulty},
              {"narrowing", c.narrowing},
              {"feasibility", c.feasibility},
              {"deadline", c.deadline},
              {"concerns", c.concerns},
              {"owner", c.owner},
              {"progress", c.progress}}},
            {"instructions_title", p.instructions_title},
            {"instructions", p.instructions},
            {"horizon_months", p.rules.horizon_months},
            {"horizon_note", p.horizon_note},
            {"areas", areas},
            {"levels", levels},
            {"difficulties", difficulties},
            {"feasibility", plan_choices_json(p.feasibility)},
            {"progress", plan_choices_json(p.progress)}};
}

nlohmann::json plan_measure_json(const PlanMeasureView& mv, const content::ActionPlanContent& p) {
    auto j = storage::measure_to_json(mv.measure);
    const auto* area = p.area(mv.measure.area_key);
    j["area_label"] = area ? area->label : mv.measure.area_key;
    j["priority"] = mv.priority;
    j["beyond_horizon"] = mv.beyond_horizon;
    nlohmann::json items = nlohmann::json::array();
    for (const auto& i : mv.items)
        items.push_back({{"no", i.no}, {"topic", i.topic}, {"finding", i.finding}});
    nlohmann::json rules = nlohmann::json::array();
    for (const auto& r : mv.rules)
        rules.push_back({{"no", r.no},
                         {"name", r.name},
                         {"result_label", r.result_label},
                         {"direct", r.direct}});
    j["thread"] = {{"items", items}, {"rules", rules}};
    return j;
}

nlohmann::json plan_summary_json(const ActionPlanView& view) {
    nlohmann::json by_area = nlohmann::json::array();
    for (const auto& a : view.content->areas) {
        int count = 0;
        for (const auto& m : view.measures) count += m.measure.area_key == a.key ? 1 : 0;
        by_area.push_back({{"key", a.key}, {"label", a.label}, {"count", count}});
    }
    int beyond = 0, uncovered = 0;
    for (const auto& m : view.measures) beyond += m.beyond_horizon ? 1 : 0;
    for (const auto& c : view.coverage) uncovered += c.measure_ids.empty() ? 1 : 0;
    return {{"total", static_cast<int>(view.measures.size())},
            {"by_area", by_area},
            {"beyond_horizon", beyond},
            {"uncovered", uncovered}};
}

}  // namespace

nlohmann::json to_json(const ActionPlanView& view) {
    const auto& p = *view.content;
    nlohmann::json measures = nlohmann::json::array();
    for (const auto& m : view.measures) measures.push_back(plan_measure_json(m, p));
    nlohmann::json coverage = nlohmann::json::array();
    for (const auto& c : view.coverage)
        coverage.push_back({{"kind", std::string(core::action_plan::key_of(c.kind))},
                            {"key", c.key},
                            {"no", c.no},
                            {"text", c.text},
                            {"measure_ids", c.measure_ids},
                            {"covered", !c.measure_ids.empty()}});
    const auto& s = view.stored;
    auto opt_text = [](const std::optional<std::string>& v) { return nullable(v); };
    return {
        {"engagement_id", view.engagement_id},
        {"content", {{"id", p.id}, {"version", p.version}}},
        {"version", view.version()},
        {"state", std::string(core::documents::key_of(view.state))},
        {"state_label", std::string(core::documents::label_of(view.state))},
        {"updated_at", s ? nlohmann::json(s->updated_at) : nlohmann::json(nullptr)},
        {"updated_by_name", s ? opt_text(s->updated_by_name) : nlohmann::json(nullptr)},
        {"approved_version", s ? nullable(s->versions.approved_version) : nlohmann::json(nullptr)},
        {"approved_by_name", s ? opt_text(s->approved_by_name) : nlohmann::json(nullptr)},
        {"approved_at", s ? nullable(s->approved_at) : nlohmann::json(nullptr)},
        {"submitted_version",
         s ? nullable(s->versions.submitted_version) : nlohmann::json(nullptr)},
        {"submitted_at", s ? nullable(s->submitted_at) : nlohmann::json(nullptr)},
        {"dates", {{"start", view.dates.start}, {"reference", view.dates.reference}}},
        {"form", plan_form_json(p)},
        {"measures", measures},
        {"coverage", coverage},
        {"summary", plan_summary_json(view)}};
}

nlohmann::json to_json(const core::action_plan::SheetChanges& changes) {
    nlohmann::json changed = nlohmann::json::array();
    for (const auto& row : changes.changed) {
        nlohmann::json fields = nlohmann::json::array();
        for (const auto& f : row.fields)
            fields.push_back({{"field", f.field}, {"before", f.before}, {"after", f.after}});
        changed.push_back({{"id", row.id}, {"fields", fields}});
    }
    return {{"added", storage::measures_to_json(changes.added)},
            {"removed", storage::measures_to_json(changes.removed)},
            {"changed", changed}};
}

nlohmann::json to_json(const ActionPlanBuilt& built) {
    return {{"added", built.added}, {"plan", to_json(built.view)}};
}

}  // namespace shido::services
