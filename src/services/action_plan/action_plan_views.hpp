#pragma once
#include <nlohmann/json.hpp>

#include "services/action_plan/action_plan_service.hpp"

namespace shido::services {

// The API's JSON of 様式3 (src/http/openapi.json: ActionPlan…).
nlohmann::json to_json(const ActionPlanView& view);
nlohmann::json to_json(const core::action_plan::SheetChanges& changes);
nlohmann::json to_json(const ActionPlanBuilt& built);

}  // namespace shido::services
