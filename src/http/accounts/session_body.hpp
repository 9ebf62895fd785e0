#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "core/accounts/user.hpp"

namespace shido::http {

// The Session of the API (login, second factor, /auth/me, an accepted invitation): the user,
// the CSRF token and where their second factor stands.
nlohmann::json session_body(const core::User& user, const std::string& csrf_token);

}  // namespace shido::http
