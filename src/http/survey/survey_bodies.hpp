#pragma once
// The request bodies of the アンケート routes, read strictly: unknown fields and wrong types are
// validation errors naming the field.
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "services/survey/survey_service.hpp"

namespace shido::http {

// {ratings: {item: choice | null}, comments: {question: text}, version}.
std::pair<services::SurveyInput, std::optional<int>> survey_input_of(const nlohmann::json& body);
// {version} of a submission.
std::optional<int> survey_version_of(const nlohmann::json& body);

}  // namespace shido::http
