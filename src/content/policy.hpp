#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "core/policy/policy_sample.hpp"

namespace shido::content {

// The sample basic policy (content/policy/<id>.json), read strictly.
core::policy::PolicySample parse_policy_sample(const nlohmann::json& doc,
                                               const std::string& source);

}  // namespace shido::content
