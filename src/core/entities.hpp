#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "core/role.hpp"

namespace shido::core {

using Id = long long;         // SOCI binds long long natively on every engine
using Timestamp = long long;  // seconds since the Unix epoch, UTC

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

struct Company {
    Id id = 0;
    std::string name;
    std::string industry;
    std::optional<int> employee_count;
    std::string address;
    std::string website;
    std::string representative_title;
    std::string representative_name;
    Timestamp created_at = 0;
    Timestamp updated_at = 0;
};

}  // namespace shido::core
