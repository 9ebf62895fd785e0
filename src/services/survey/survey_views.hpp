#pragma once
#include <nlohmann/json.hpp>

#include "services/survey/survey_service.hpp"

namespace shido::services {

nlohmann::json to_json(const SurveyView& view);
nlohmann::json to_json(const SurveyResults& results);
// The stored fields of a response, for the audit log.
nlohmann::json survey_snapshot(const core::survey::SurveyResponse& response);

}  // namespace shido::services
