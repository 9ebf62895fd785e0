#pragma once
#include <nlohmann/json.hpp>

#include "services/action_plan/action_plan_sheet_service.hpp"

namespace shido::services {

// {version, rows, changes}: the API's ActionPlanImportPreview (src/http/openapi.json).
nlohmann::json to_json(const ActionPlanImportPreview& preview);

}  // namespace shido::services
