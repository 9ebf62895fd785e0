#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/accounts/role.hpp"
#include "core/ids.hpp"

namespace shido::core {

struct User {
    Id id = 0;
    std::string email;
    std::string name;
    Role role = Role::company;
    std::optional<Id> company_id;
    std::optional<CompanyRole> company_role;
    bool active = true;
    // False until an invited person sets their own password (they cannot log in before).
    bool has_password = true;
    // Demo accounts only: they sign in without the second factor that their role requires.
    bool second_factor_exempt = false;
    bool two_factor_enabled = false;  // a confirmed TOTP secret
    Timestamp created_at = 0;
    Timestamp updated_at = 0;
};

enum class UserStatus { invited, active, disabled };
UserStatus status_of(const User& user);
std::string_view to_string(UserStatus status);

// The secretariat and experts read many companies' records: their sign-in needs a second
// factor. Company members may turn one on.
bool second_factor_required(const User& user);

}  // namespace shido::core
