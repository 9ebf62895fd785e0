#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "core/accounts/password_rule.hpp"

namespace shido::content {

// content/accounts/passwords.json: the minimum length and the common passwords refused,
// read strictly (entries lower case, unique, non-empty).
core::PasswordRule parse_password_rule(const nlohmann::json& doc, const std::string& source);

}  // namespace shido::content
