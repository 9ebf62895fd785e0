#pragma once
#include <nlohmann/json.hpp>

#include "content/curriculum.hpp"
#include "services/course/planning_service.hpp"

namespace shido::services {

nlohmann::json to_json(const content::Curriculum& curriculum);
// The API's PlanCheck: the course's sessions with their dates, the warnings, the problem.
nlohmann::json to_json(const PlanCheck& check);

}  // namespace shido::services
