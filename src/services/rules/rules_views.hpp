#pragma once
#include <nlohmann/json.hpp>

#include "services/rules/rules_check_service.hpp"

namespace shido::services {

// The API's RulesCheck (see openapi.json) and the audit snapshot of the stored fields.
nlohmann::json to_json(const RulesCheckView& view);
nlohmann::json snapshot(const core::rules::RulesCheck& check);

}  // namespace shido::services
