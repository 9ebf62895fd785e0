#pragma once
#include <functional>
#include <string>

#include "core/accounts/throttle_policy.hpp"
#include "core/accounts/user.hpp"
#include "services/accounts/auth_service.hpp"
#include "services/accounts/user_service.hpp"
#include "services/context.hpp"

namespace shido::services {

struct AccountLinkConfig {
    core::Timestamp invitation_seconds = 7LL * 24 * 60 * 60;
    core::Timestamp reset_seconds = 30 * 60;
    // Reset mails: a few per address an hour (more are answered alike and send nothing), and
    // one client asking for many addresses is refused.
    core::ThrottlePolicy reset_per_account{3, 60 * 60};
    core::ThrottlePolicy reset_per_address{10, 60 * 60};
};

// What a valid link from an e-mail is for, and for whom.
struct AccountLinkView {
    std::string purpose;  // invitation | password_reset
    std::string email;
    std::string name;
    core::Timestamp expires_at = 0;
};

// The links people get by e-mail to set their own password: an invitation for a new account
// and a reset for a forgotten password. Single use, hashed in storage, expiring. A link that
// is unknown, used, expired or of a disabled account gets the same 404.
class AccountLinkService {
  public:
    AccountLinkService(ServiceEnv env, AuthService& auth, AccountLinkConfig config = {})
        : env_(env), auth_(auth), config_(config) {}

    AccountLinkView describe(const std::string& token);
    // Sets the invited person's password and signs them in.
    LoginResult accept_invitation(const std::string& token, const std::string& password,
                                  const std::string& client_address,
                                  const std::string& user_agent = "");
    // The same outcome whether or not `email` has an account (no error, no timing to read).
    void request_reset(const std::string& email, const std::string& client_address);
    // Sets the new password and ends every session of the account.
    void complete_reset(const std::string& token, const std::string& password);
    // The secretariat sends a new invitation (older links stop working).
    void resend_invitation(const RequestContext& ctx, core::Id user_id);

    const AccountLinkConfig& config() const { return config_; }

  private:
    using AfterPasswordSet =
        std::function<void(storage::Connection&, const core::User&, core::Timestamp)>;
    // What both links do: the link is open for `purpose` and the password acceptable; then, in
    // one transaction, the link is used up, the password set, every other link of the account
    // revoked, and `then` adds what differs (audit, sessions, mail).
    core::User set_password_by_link(const std::string& token, const std::string& purpose,
                                    const std::string& password, const AfterPasswordSet& then);

    ServiceEnv env_;
    AuthService& auth_;
    AccountLinkConfig config_;
};

// In the caller's transaction: the account without a password, and its invitation mail.
// A disabled account of the same company (a member removed earlier) is invited again.
core::User invite_user(storage::Connection& c, const RequestContext& ctx, core::Timestamp now,
                       const NewUser& input, const AccountLinkConfig& config);

}  // namespace shido::services
