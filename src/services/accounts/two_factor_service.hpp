#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/accounts/user.hpp"
#include "services/accounts/auth_service.hpp"
#include "services/context.hpp"

namespace shido::services {

struct TwoFactorStatus {
    bool enabled = false;
    bool required = false;
    std::optional<core::Timestamp> confirmed_at;
    int recovery_codes_left = 0;
};

struct TwoFactorEnrolment {
    std::string secret;  // base32, for typing into the app by hand
    std::string otpauth_uri;
};

// A person's own second factor (TOTP), and the secretariat's reset of someone else's. Every
// change is audited in its transaction; the secret and the recovery codes never are.
class TwoFactorService {
  public:
    TwoFactorService(ServiceEnv env, AuthService& auth) : env_(env), auth_(auth) {}

    // For the login page: true when some active account signs in without its second factor
    // (the demo's).
    bool demo_accounts_skip_second_factor();

    TwoFactorStatus status(const RequestContext& ctx);
    // A new pending secret (replacing a pending one); 409 while a confirmed one exists.
    TwoFactorEnrolment start_enrolment(const RequestContext& ctx);
    // The first code from the app: the second factor is on; the ten recovery codes are returned
    // to be shown once.
    std::vector<std::string> confirm(const RequestContext& ctx, const std::string& code);
    std::vector<std::string> renew_recovery_codes(const RequestContext& ctx,
                                                  const std::string& code);
    // Company members only, with their password.
    void disable(const RequestContext& ctx, const std::string& password);
    // The secretariat, for someone who lost their phone and codes: the second factor goes, their
    // sessions end, and they are told by e-mail.
    void reset(const RequestContext& ctx, core::Id user_id);

  private:
    core::User me(const RequestContext& ctx);
    // A current code of the person's confirmed secret (throttled per account): 422 when wrong.
    void require_current_code(const core::User& user, const std::string& code);

    ServiceEnv env_;
    AuthService& auth_;
};

}  // namespace shido::services
