#pragma once
// The request bodies of the 様式3 routes, read strictly: unknown fields and wrong types are
// validation errors naming the field (measures[<index>].<field> for a row).
#include <optional>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/action_plan/action_plan.hpp"

namespace shido::http {

// {version, measures: [...]} of a whole-sheet save or preview: the rows typed (choice keys
// checked against `rules`), every problem of the body reported at once.
std::pair<std::optional<int>, std::vector<core::action_plan::Measure>> action_plan_sheet_of(
    const nlohmann::json& body, const core::action_plan::PlanRules& rules);
// {version} of a build, an approval or a submission.
std::optional<int> action_plan_version_of(const nlohmann::json& body);

}  // namespace shido::http
