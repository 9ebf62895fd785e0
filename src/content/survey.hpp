#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "core/survey/survey_form.hpp"

namespace shido::content {

// アンケート forms (content/survey/<id>.json): the scale, the rating items and the comment
// questions. Refuses unknown fields, duplicate keys, empty labels and an empty scale or list.
core::survey::SurveyForm parse_survey_form(const nlohmann::json& doc, const std::string& source);

}  // namespace shido::content
