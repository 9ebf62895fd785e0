#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/accounts/user.hpp"
#include "core/paging/page.hpp"
#include "services/context.hpp"

namespace shido::services {

struct NewUser {
    std::string email;
    std::string name;
    std::string role;  // checked against core::Role
    std::string password;
    std::optional<core::Id> company_id;
    std::optional<std::string> company_role;
};

struct UserFilter {
    std::optional<core::Role> role;
    std::string name_or_email_contains;
    core::PageRequest page;
};

class UserService {
  public:
    explicit UserService(ServiceEnv env) : env_(env) {}

    // Secretariat only: every account, by role and name, one page at a time.
    core::Page<core::User> list(const RequestContext& ctx, const UserFilter& filter);
    core::User create(const RequestContext& ctx, const NewUser& input);

  private:
    ServiceEnv env_;
};

// Also used by the CLI and the demo loader, which act as the system itself.
core::User create_user(storage::Connection& c, const RequestContext& ctx, core::Timestamp now,
                       const NewUser& input);

}  // namespace shido::services
