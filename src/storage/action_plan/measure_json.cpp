#include "storage/action_plan/measure_json.hpp"

namespace shido::storage {

namespace {

template <typename T, typename F>
nlohmann::json plan_json_or_null(const std::optional<T>& value, F key) {
    return value ? nlohmann::json(std::string(key(*value))) : nlohmann::json(nullptr);
}

std::optional<std::string> plan_text_or_none(const nlohmann::json& j, const char* key) {
    if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
    return j.at(key).get<std::string>();
}

}  // namespace

nlohmann::json sources_to_json(const std::vector<core::action_plan::MeasureSource>& sources) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : sources)
        out.push_back({{"kind", std::string(core::action_plan::key_of(s.kind))}, {"key", s.key}});
    return out;
}

std::vector<core::action_plan::MeasureSource> sources_from_json(const nlohmann::json& j) {
    std::vector<core::action_plan::MeasureSource> out;
    for (const auto& s : j) {
        auto kind = core::action_plan::parse_source_kind(s.at("kind").get<std::string>());
        if (kind) out.push_back({*kind, s.at("key").get<std::string>()});
    }
    return out;
}

nlohmann::json measure_to_json(const core::action_plan::Measure& m) {
    using namespace core::action_plan;
    auto level = [](core::diagnosis::Level l) { return core::diagnosis::to_string(l); };
    auto difficulty = [](core::diagnosis::Difficulty d) { return core::diagnosis::to_string(d); };
    auto feasibility = [](Feasibility f) { return key_of(f); };
    auto text = [](const std::string& s) { return s; };
    return {{"id", m.id},
            {"position", m.position},
            {"area_key", m.area_key},
            {"situation", m.situation},
            {"action", m.action},
            {"business_linked", m.business_linked},
            {"urgency", plan_json_or_null(m.urgency, level)},
            {"importance", plan_json_or_null(m.importance, level)},
            {"difficulty", plan_json_or_null(m.difficulty, difficulty)},
            {"feasibility", plan_json_or_null(m.feasibility, feasibility)},
            {"deadline", plan_json_or_null(m.deadline, text)},
            {"concerns", m.concerns},
            {"owner", m.owner},
            {"progress", std::string(key_of(m.progress))},
            {"sources", sources_to_json(m.sources)}};
}

core::action_plan::Measure measure_from_json(const nlohmann::json& j) {
    using namespace core::action_plan;
    Measure m;
    m.id = j.at("id").get<core::Id>();
    m.position = j.at("position").get<int>();
    m.area_key = j.at("area_key").get<std::string>();
    m.situation = j.at("situation").get<std::string>();
    m.action = j.at("action").get<std::string>();
    m.business_linked = j.at("business_linked").get<bool>();
    if (auto v = plan_text_or_none(j, "urgency")) m.urgency = core::diagnosis::parse_level(*v);
    if (auto v = plan_text_or_none(j, "importance"))
        m.importance = core::diagnosis::parse_level(*v);
    if (auto v = plan_text_or_none(j, "difficulty"))
        m.difficulty = core::diagnosis::parse_difficulty(*v);
    if (auto v = plan_text_or_none(j, "feasibility")) m.feasibility = parse_feasibility(*v);
    m.deadline = plan_text_or_none(j, "deadline");
    m.concerns = j.at("concerns").get<std::string>();
    m.owner = j.at("owner").get<std::string>();
    m.progress =
        parse_progress(j.at("progress").get<std::string>()).value_or(Progress::not_started);
    m.sources = sources_from_json(j.at("sources"));
    return m;
}

nlohmann::json measures_to_json(const std::vector<core::action_plan::Measure>& measures) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& m : measures) out.push_back(measure_to_json(m));
    return out;
}

std::vector<core::action_plan::Measure> measures_from_json(const nlohmann::json& j) {
    std::vector<core::action_plan::Measure> out;
    for (const auto& m : j) out.push_back(measure_from_json(m));
    return out;
}

}  // namespace shido::storage
