#include "services/course/course_views.hpp"

namespace shido::services {

namespace {

nlohmann::json timetable_json(const std::optional<content::Timetable>& t) {
    if (!t) return nullptr;
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : t->items)
        items.push_back(
            {{"minutes", item.minutes}, {"title", item.title}, {"points", item.points}});
    return {{"start", t->start}, {"items", items}};
}

}  // namespace

nlohmann::json to_json(const content::Curriculum& c) {
    nlohmann::json sessions = nlohmann::json::array();
    for (const auto& s : c.sessions) {
        sessions.push_back({{"no", s.no},
                            {"title", s.title},
                            {"theme", s.theme},
                            {"expert_prepares", s.expert_prepares},
                            {"company_prepares", s.company_prepares},
                            {"agenda", s.agenda},
                            {"deliverables", s.deliverables},
                            {"tools", s.tools},
                            {"timetable", timetable_json(s.timetable)}});
    }
    nlohmann::json kinds = nlohmann::json::array();
    for (const auto& [key, label] : c.participant_kinds)
        kinds.push_back({{"key", key}, {"label", label}});
    return {{"id", c.id},
            {"version", c.version},
            {"title", c.title},
            {"sessions", sessions},
            {"participant_kinds", kinds},
            {"information_handling",
             {{"version", c.information_handling_version}, {"points", c.information_handling}}}};
}

nlohmann::json to_json(const PlanCheck& check) {
    nlohmann::json sessions = nlohmann::json::array();
    for (std::size_t i = 0; i < check.course->sessions.size(); ++i) {
        const auto& date = check.dates[i];
        sessions.push_back({{"no", check.course->sessions[i].no},
                            {"title", check.course->sessions[i].title},
                            {"planned_date", date ? nlohmann::json(core::to_string(*date))
                                                  : nlohmann::json(nullptr)}});
    }
    nlohmann::json warnings = nlohmann::json::array();
    for (const auto& w : check.warnings)
        warnings.push_back({{"kind", core::to_string(w.kind)},
                            {"session_no", w.session_no},
                            {"message", w.message}});
    return {{"sessions", std::move(sessions)},
            {"warnings", std::move(warnings)},
            {"problem", check.problem ? nlohmann::json(*check.problem) : nlohmann::json(nullptr)}};
}

}  // namespace shido::services
