#pragma once
#include <optional>
#include <string>

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
    Timestamp created_at = 0;
    Timestamp updated_at = 0;
};

}  // namespace shido::core
