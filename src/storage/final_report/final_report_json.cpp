#include "storage/final_report/final_report_json.hpp"

namespace shido::storage {

namespace {

namespace fr = core::final_report;

template <typename T>
nlohmann::json final_report_or_null(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

template <typename T>
std::optional<T> final_report_optional(const nlohmann::json& j, const char* key) {
    if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
    return j.at(key).get<T>();
}

nlohmann::json final_report_round_json(const std::optional<fr::RoundFact>& r) {
    if (!r) return nullptr;
    return {{"name", r->name},
            {"respondents", r->respondents},
            {"total_mean", r->total_mean},
            {"band_label", r->band_label}};
}

std::optional<fr::RoundFact> final_report_round_of(const nlohmann::json& j) {
    if (j.is_null()) return std::nullopt;
    return fr::RoundFact{j.at("name").get<std::string>(), j.at("respondents").get<int>(),
                         j.at("total_mean").get<double>(), j.at("band_label").get<std::string>()};
}

std::string final_report_doc_state_key(core::documents::DocumentState s) {
    return std::string(core::documents::key_of(s));
}

core::documents::DocumentState final_report_doc_state_of(const nlohmann::json& j) {
    return core::documents::parse_document_state(j.get<std::string>())
        .value_or(core::documents::DocumentState::not_started);
}

fr::Facts final_report_facts_of(const nlohmann::json& j) {
    fr::Facts f;
    for (const auto& s : j.at("sessions"))
        f.sessions.push_back({s.at("no").get<int>(), s.at("title").get<std::string>(),
                              s.at("theme").get<std::string>(),
                              final_report_optional<std::string>(s, "held_on"),
                              final_report_optional<std::string>(s, "planned_date")});
    const auto& d = j.at("diagnosis");
    f.diagnosis.first = final_report_round_of(d.at("first"));
    f.diagnosis.final = final_report_round_of(d.at("final"));
    for (const auto& c : d.at("changes"))
        f.diagnosis.changes.push_back({c.at("item_no").get<int>(), c.at("topic").get<std::string>(),
                                       c.at("before_mean").get<double>(),
                                       c.at("after_mean").get<double>()});
    const auto& p = j.at("policy");
    f.policy.state = final_report_doc_state_of(p.at("state"));
    f.policy.approved_number = final_report_optional<int>(p, "approved_number");
    f.policy.approved_by = final_report_optional<std::string>(p, "approved_by");
    f.policy.approved_at = final_report_optional<core::Timestamp>(p, "approved_at");
    f.policy.published = p.at("published").get<bool>();
    const auto& r = j.at("rules");
    f.rules.state = final_report_doc_state_of(r.at("state"));
    for (const auto& c : r.at("counts"))
        f.rules.counts.push_back({c.at("label").get<std::string>(), c.at("count").get<int>()});
    f.rules.unset = r.at("unset").get<int>();
    f.rules.total = r.at("total").get<int>();
    f.plan_state = final_report_doc_state_of(j.at("plan_state"));
    if (j.contains("plan") && !j.at("plan").is_null())
        f.plan = fr::PlanFacts{j.at("plan").at("measures").get<int>(),
                               j.at("plan").at("summary").get<std::string>()};
    return f;
}

}  // namespace

nlohmann::json to_json(const fr::Facts& f) {
    nlohmann::json sessions = nlohmann::json::array(), changes = nlohmann::json::array(),
                   counts = nlohmann::json::array();
    for (const auto& s : f.sessions)
        sessions.push_back({{"no", s.no},
                            {"title", s.title},
                            {"theme", s.theme},
                            {"held_on", final_report_or_null(s.held_on)},
                            {"planned_date", final_report_or_null(s.planned_date)}});
    for (const auto& c : f.diagnosis.changes)
        changes.push_back({{"item_no", c.item_no},
                           {"topic", c.topic},
                           {"before_mean", c.before_mean},
                           {"after_mean", c.after_mean}});
    for (const auto& c : f.rules.counts) counts.push_back({{"label", c.label}, {"count", c.count}});
    nlohmann::json plan = nullptr;
    if (f.plan) plan = {{"measures", f.plan->measures}, {"summary", f.plan->summary}};
    return {{"sessions", sessions},
            {"diagnosis",
             {{"first", final_report_round_json(f.diagnosis.first)},
              {"final", final_report_round_json(f.diagnosis.final)},
              {"changes", changes}}},
            {"policy",
             {{"state", final_report_doc_state_key(f.policy.state)},
              {"approved_number", final_report_or_null(f.policy.approved_number)},
              {"approved_by", final_report_or_null(f.policy.approved_by)},
              {"approved_at", final_report_or_null(f.policy.approved_at)},
              {"published", f.policy.published}}},
            {"rules",
             {{"state", final_report_doc_state_key(f.rules.state)},
              {"counts", counts},
              {"unset", f.rules.unset},
              {"total", f.rules.total}}},
            {"plan_state", final_report_doc_state_key(f.plan_state)},
            {"plan", plan}};
}

nlohmann::json to_json(const fr::Body& b) {
    nlohmann::json texts = nlohmann::json::object();
    for (auto s : fr::sections) texts[std::string(fr::key_of(s))] = b.text(s);
    return {{"texts", texts}, {"facts", to_json(b.facts)}};
}

fr::Body final_report_body_from_json(const nlohmann::json& j) {
    fr::Body b;
    const auto& texts = j.at("texts");
    for (auto s : fr::sections) {
        auto key = std::string(fr::key_of(s));
        if (texts.contains(key)) b.text(s) = texts.at(key).get<std::string>();
    }
    b.facts = final_report_facts_of(j.at("facts"));
    return b;
}

}  // namespace shido::storage
