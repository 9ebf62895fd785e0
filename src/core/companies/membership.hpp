#pragma once
#include <optional>
#include <string>

#include "core/access/access_policy.hpp"
#include "core/accounts/user.hpp"

namespace shido::core {

// Why `actor` may not remove `member` from the company, in Japanese, or nullopt when they may.
// The company always keeps an owner (経営者): the owner approves its documents. An owner removes
// managers and themselves (when another owner remains); another owner is the secretariat's to
// remove. `enabled_owners` counts the company's enabled owners, `member` included.
std::optional<std::string> member_removal_problem(const Actor& actor, const User& member,
                                                  int enabled_owners);

}  // namespace shido::core
