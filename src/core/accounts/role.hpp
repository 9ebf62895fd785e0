#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace shido::core {

enum class Role { secretariat, expert, company };

// A company member's position; the owner approves the policy and the plan later on.
enum class CompanyRole { owner, manager };

std::string_view to_string(Role role);
std::string_view label_ja(Role role);
std::optional<Role> parse_role(std::string_view text);

std::string_view to_string(CompanyRole role);
std::string_view label_ja(CompanyRole role);
std::optional<CompanyRole> parse_company_role(std::string_view text);

inline constexpr Role all_roles[] = {Role::secretariat, Role::expert, Role::company};
inline constexpr CompanyRole all_company_roles[] = {CompanyRole::owner, CompanyRole::manager};

}  // namespace shido::core
