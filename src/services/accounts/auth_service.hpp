#pragma once
#include <optional>
#include <string>

#include "core/accounts/throttle_policy.hpp"
#include "core/accounts/user.hpp"
#include "services/context.hpp"

namespace shido::services {

struct AuthConfig {
    core::Timestamp idle_timeout_seconds = 2 * 60 * 60;
    core::Timestamp absolute_timeout_seconds = 12 * 60 * 60;
    // last_seen_at is written at most this often, so reads do not each cost a write.
    core::Timestamp touch_interval_seconds = 60;
    // Refused for 15 minutes: one address guessing one account, or one address guessing many.
    core::ThrottlePolicy per_account_address{5, 15 * 60};
    core::ThrottlePolicy per_address{30, 15 * 60};
    // Slowed, never refused: one account guessed from many addresses.
    core::SlowDownPolicy per_account{5, 60, 15 * 60};
    // An address the account logged in from within this time is not slowed by others' failures.
    core::Timestamp known_address_seconds = 90LL * 24 * 60 * 60;
    // Between the password and the second factor: a challenge lives 5 minutes and takes at
    // most 5 codes; wrong codes on one account (every challenge and the own-account pages
    // together) are refused for 15 minutes after 10.
    core::Timestamp challenge_seconds = 5 * 60;
    int challenge_attempts = 5;
    core::ThrottlePolicy second_factor_per_account{10, 15 * 60};
};

// Where a login comes from: kept with the session, shown in the person's sessions list.
struct ClientInfo {
    std::string address;
    std::string user_agent;
};

struct LoginResult {
    std::string token;  // goes into the cookie; only its hash is stored
    std::string csrf_token;
    core::User user;
    // Set instead of a session when the account uses a second factor: the token of the
    // challenge the code must answer (only its hash is stored).
    std::string challenge;
};

// The second step of a login: the challenge with either a TOTP code or a recovery code.
struct SecondFactorAnswer {
    std::string challenge;
    std::optional<std::string> code;
    std::optional<std::string> recovery_code;
};

struct AuthenticatedSession {
    core::User user;
    std::string token_hash;
    std::string csrf_token;
};

class AuthService {
  public:
    AuthService(ServiceEnv env, AuthConfig config) : env_(env), config_(config) {}

    // The right password opens a session, or, when the account has a second factor, a
    // challenge (LoginResult::challenge) and no session.
    LoginResult login(const std::string& email, const std::string& password,
                      const std::string& client_address, const std::string& user_agent = "");
    LoginResult login_second_factor(const SecondFactorAnswer& answer, const ClientInfo& client);
    // A new session for a person whose credentials were checked (a login, an accepted
    // invitation).
    LoginResult start_session(const core::User& user, const ClientInfo& client);
    // The password of a signed-in person, asked again before a sensitive change; throttled like
    // a login. A wrong one is a validation error on `field`.
    void confirm_password(const core::User& user, const std::string& password,
                          const std::string& purpose, const std::string& field);
    std::optional<AuthenticatedSession> authenticate(const std::string& token);
    void logout(const std::string& token_hash);
    void change_password(const RequestContext& ctx, const std::string& token_hash,
                         const std::string& current_password, const std::string& new_password);

    const AuthConfig& config() const { return config_; }

  private:
    // Counts the attempt as a failure before the password is checked, atomically, so that
    // parallel guesses cannot all slip past the limit while the hash is computed. Throws
    // too_many_requests when the limit is reached. Returns the address counter as it was.
    core::AttemptState reserve_attempt(const std::string& email, const std::string& address);
    // A correct password: the account's counter is cleared and the reserved address count undone.
    void release_attempt(const std::string& email, const std::string& address);
    void record_failed_login(const std::string& email, const std::string& address,
                             std::optional<core::Id> user_id, bool second_factor = false);
    LoginResult open_challenge(const core::User& user, const ClientInfo& client);

    ServiceEnv env_;
    AuthConfig config_;
};

core::Actor actor_of(const core::User& user);
std::string normalise_email(std::string email);

}  // namespace shido::services
