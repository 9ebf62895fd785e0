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
    std::string role;      // checked against core::Role
    std::string password;  // only where the system itself creates accounts (CLI, demo)
    std::optional<core::Id> company_id;
    std::optional<std::string> company_role;
};

struct UserFilter {
    std::optional<core::Role> role;
    std::string name_or_email_contains;
    core::PageRequest page;
};

struct AccountLinkConfig;

class UserService {
  public:
    UserService(ServiceEnv env, const AccountLinkConfig& links) : env_(env), links_(links) {}

    // Secretariat only: every account, by role and name, one page at a time.
    core::Page<core::User> list(const RequestContext& ctx, const UserFilter& filter);
    // The account is created without a password; the person gets an invitation by e-mail.
    core::User invite(const RequestContext& ctx, const NewUser& input);

  private:
    ServiceEnv env_;
    const AccountLinkConfig& links_;
};

// The account `input` describes, checked (every field error at once); the password too when
// the system itself sets one.
core::User validated_new_user(storage::Connection& c, const NewUser& input, bool with_password);

// Also used by the CLI and the demo loader, which act as the system itself.
core::User create_user(storage::Connection& c, const RequestContext& ctx, core::Timestamp now,
                       const NewUser& input);

}  // namespace shido::services
