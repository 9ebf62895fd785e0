#pragma once
#include <nlohmann/json.hpp>

#include "core/accounts/user.hpp"

namespace shido::services {

// A user as the API shows it; also the audit snapshot (every field shown is a stored one, and
// the password hash is never among them).
nlohmann::json to_json(const core::User& user);

}  // namespace shido::services
