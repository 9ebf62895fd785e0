#include "core/accounts/user.hpp"

namespace shido::core {

UserStatus status_of(const User& user) {
    if (!user.active) return UserStatus::disabled;
    return user.has_password ? UserStatus::active : UserStatus::invited;
}

std::string_view to_string(UserStatus status) {
    switch (status) {
        case UserStatus::invited:
            return "invited";
        case UserStatus::active:
            return "active";
        case UserStatus::disabled:
            return "disabled";
    }
    return "active";
}

bool second_factor_required(const User& user) {
    return user.role != Role::company && !user.second_factor_exempt;
}

}  // namespace shido::core
