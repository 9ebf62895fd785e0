#include "services/course/course_views.hpp"

namespace shido::services {

nlohmann::json to_json(const content::Curriculum& c) {
    nlohmann::json sessions = nlohmann::json::array();
    for (const auto& s : c.sessions) {
        sessions.push_back({{"no", s.no},
                            {"title", s.title},
                            {"theme", s.theme},
                            {"expert_prepares", s.expert_prepares},
                            {"company_prepares", s.company_prepares},
                            {"agenda", s.agenda},
                            {"deliverables", s.deliverables}});
    }
    return {{"id", c.id}, {"version", c.version}, {"title", c.title}, {"sessions", sessions}};
}

}  // namespace shido::services
