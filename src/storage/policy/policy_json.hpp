#pragma once
#include <nlohmann/json.hpp>

#include "core/policy/policy_document.hpp"

namespace shido::storage {

// The stored JSON form of a policy version's content (also served as is by the API).
nlohmann::json to_json(const core::policy::PolicyDocument& document);
// Reads back what to_json wrote (stored by this program: a malformed row is a bug, thrown).
core::policy::PolicyDocument policy_document_from_json(const nlohmann::json& j);

}  // namespace shido::storage
