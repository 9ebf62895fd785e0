#pragma once
#include <nlohmann/json.hpp>

#include "core/final_report/final_report.hpp"

namespace shido::storage {

// The stored JSON of a final report's body (body_json, submitted_json); also the API's shape.
nlohmann::json to_json(const core::final_report::Body& body);
nlohmann::json to_json(const core::final_report::Facts& facts);
core::final_report::Body final_report_body_from_json(const nlohmann::json& j);

}  // namespace shido::storage
