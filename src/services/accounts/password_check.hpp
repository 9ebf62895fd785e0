#pragma once
#include <string>

#include "core/accounts/password_rule.hpp"

namespace shido::services {

// Refuses a password a person chooses (422 with the problem on `field`): see
// core::password_problem; the rule and its list of common passwords come from content.
void require_acceptable_password(const core::PasswordRule& rule, const std::string& field,
                                 const std::string& password, const std::string& email);

}  // namespace shido::services
