#pragma once
#include <vector>

#include <nlohmann/json.hpp>

#include "core/action_plan/measure.hpp"

namespace shido::storage {

// A measure as stored JSON (sources, approved versions, the submitted snapshot): keys, never
// labels, so a label changed in content does not change what was approved.
nlohmann::json measure_to_json(const core::action_plan::Measure& m);
core::action_plan::Measure measure_from_json(const nlohmann::json& j);
nlohmann::json measures_to_json(const std::vector<core::action_plan::Measure>& measures);
std::vector<core::action_plan::Measure> measures_from_json(const nlohmann::json& j);
nlohmann::json sources_to_json(const std::vector<core::action_plan::MeasureSource>& sources);
std::vector<core::action_plan::MeasureSource> sources_from_json(const nlohmann::json& j);

}  // namespace shido::storage
