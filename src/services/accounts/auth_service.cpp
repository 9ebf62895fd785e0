#include "services/accounts/auth_service.hpp"

#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "core/validation.hpp"
#include "services/accounts/account_mail.hpp"
#include "services/accounts/password_check.hpp"
#include "services/accounts/second_factor.hpp"
#include "services/audit/audit_service.hpp"
#include "services/crypto.hpp"
#include "storage/accounts/login_attempt_repository.hpp"
#include "storage/accounts/login_challenge_repository.hpp"
#include "storage/accounts/recovery_code_repository.hpp"
#include "storage/accounts/session_repository.hpp"
#include "storage/accounts/user_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

namespace {

// Rows of login_attempts: failures per (account, address), per address and per account, and
// the addresses an account has logged in from.
constexpr const char* pair_scope = "account_address";
constexpr const char* address_scope = "address";
constexpr const char* account_scope = "account";
constexpr const char* known_scope = "known_address";

[[noreturn]] void throw_bad_credentials() {
    throw core::DomainError(core::ErrorCode::unauthenticated,
                            "メールアドレスまたはパスワードが正しくありません。");
}

// Verifying against a real-looking hash when the account does not exist keeps the
// response time the same, so timing does not reveal which e-mail addresses exist.
const std::string& decoy_hash() {
    static const std::string hash = hash_password("decoy-password-never-used");
    return hash;
}

[[noreturn]] void throw_challenge_over() {
    throw core::DomainError(core::ErrorCode::unauthenticated,
                            "確認の期限が切れました。もう一度ログインしてください。");
}

}  // namespace

core::Actor actor_of(const core::User& user) {
    return core::Actor{user.id, user.role, user.company_id, user.name, user.company_role};
}

std::string normalise_email(std::string email) {
    auto not_space = [](unsigned char c) { return !std::isspace(c); };
    email.erase(email.begin(), std::find_if(email.begin(), email.end(), not_space));
    email.erase(std::find_if(email.rbegin(), email.rend(), not_space).base(), email.end());
    std::transform(email.begin(), email.end(), email.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return email;
}

core::AttemptState AuthService::reserve_attempt(const std::string& email,
                                                const std::string& address) {
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::LoginAttemptRepository attempts(c);
    const auto pair = email + "|" + address;
    attempts.lock(pair_scope, pair);
    attempts.lock(address_scope, address);
    attempts.lock(account_scope, email);
    auto now = env_.now();
    auto from_pair = attempts.get(pair_scope, pair);
    auto from_address = attempts.get(address_scope, address);
    auto on_account = attempts.get(account_scope, email);
    core::Timestamp refused_for =
        std::max(core::seconds_until_unblocked(config_.per_account_address, from_pair, now),
                 core::seconds_until_unblocked(config_.per_address, from_address, now));
    if (refused_for > 0) {
        throw core::DomainError(core::ErrorCode::too_many_requests,
                                "ログインの失敗が続いたため、一時的にログインを制限しています。約" +
                                    std::to_string((refused_for + 59) / 60) +
                                    "分後に再度お試しください。");
    }
    auto known = attempts.get(known_scope, pair);
    bool known_address =
        known.failures > 0 && now < known.window_start + config_.known_address_seconds;
    core::Timestamp wait =
        known_address ? 0 : core::seconds_until_next_attempt(config_.per_account, on_account, now);
    if (wait > 0) {
        throw core::DomainError(core::ErrorCode::too_many_requests,
                                "このアカウントへのログインの失敗が続いているため、ログインを"
                                "少し遅らせています。" +
                                    std::to_string(wait) + "秒後にもう一度お試しください。");
    }
    attempts.put(pair_scope, pair,
                 core::after_failure(config_.per_account_address, from_pair, now));
    attempts.put(address_scope, address,
                 core::after_failure(config_.per_address, from_address, now));
    attempts.put(account_scope, email, core::after_failure(config_.per_account, on_account, now));
    tx.commit();
    return from_address;
}

// After the right password: the address's own failures on the account are forgiven, and it is
// remembered as the account's, so that strangers' failures never slow it down. The account and
// the address only give back the attempt reserved for this login: strangers' failures on the
// account stay counted, so an attacker gains nothing from its owner logging in meanwhile.
void AuthService::release_attempt(const std::string& email, const std::string& address) {
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::LoginAttemptRepository attempts(c);
    const auto pair = email + "|" + address;
    attempts.lock(pair_scope, pair);
    attempts.lock(address_scope, address);
    attempts.lock(account_scope, email);
    attempts.clear(pair_scope, pair);
    attempts.put(known_scope, pair, core::AttemptState{1, env_.now()});
    for (const auto& [scope, subject] :
         {std::pair{address_scope, address}, std::pair{account_scope, email}}) {
        auto state = attempts.get(scope, subject);
        if (state.failures > 0) {
            state.failures -= 1;
            attempts.put(scope, subject, state);
        }
    }
    tx.commit();
}

// Every failed login is in the audit log with the address it came from, so the secretariat can
// see an account being guessed even while throttling keeps its owner able to log in.
void AuthService::record_failed_login(const std::string& email, const std::string& address,
                                      std::optional<core::Id> user_id, bool second_factor) {
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    RequestContext who{
        core::Actor{0, core::Role::company, std::nullopt, "ログイン試行", std::nullopt}, ""};
    nlohmann::json attempt{{"email", email}, {"address", address}};
    if (second_factor) attempt["second_factor"] = true;
    record(c, who, env_.now(),
           Change{core::AuditAction::login_failed, core::AuditEntity::user, user_id, std::nullopt,
                  nullptr, std::move(attempt)});
    tx.commit();
}

LoginResult AuthService::login(const std::string& raw_email, const std::string& password,
                               const std::string& client_address, const std::string& user_agent) {
    std::string email = normalise_email(raw_email);
    if (email.empty() || password.empty() || password.size() > 1024) throw_bad_credentials();
    reserve_attempt(email, client_address);

    std::optional<storage::UserWithHash> found;
    {
        storage::Connection c(env_.db);
        found = storage::UserRepository(c).find_by_email(email);
    }
    // An invited account has no password yet: it is checked against the decoy like a missing one.
    bool usable = found && found->user.has_password;
    bool verified = verify_password(password, usable ? found->password_hash : decoy_hash());
    if (!usable || !verified || !found->user.active) {
        record_failed_login(email, client_address,
                            found ? std::optional(found->user.id) : std::nullopt);
        throw_bad_credentials();
    }
    release_attempt(email, client_address);
    ClientInfo client{client_address, user_agent};
    if (found->user.two_factor_enabled) return open_challenge(found->user, client);
    return start_session(found->user, client);
}

LoginResult AuthService::start_session(const core::User& user, const ClientInfo& client) {
    auto now = env_.now();
    LoginResult result{random_token(32), random_token(32), user, {}};
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::SessionRepository sessions(c);
    sessions.remove_expired(now, config_.idle_timeout_seconds);
    storage::StoredSession session;
    session.token_hash = sha256_hex(result.token);
    session.user_id = user.id;
    session.csrf_token = result.csrf_token;
    session.created_at = session.last_seen_at = now;
    session.expires_at = now + config_.absolute_timeout_seconds;
    session.public_id = random_hex(16);
    session.user_agent = client.user_agent;
    session.client_address = client.address;
    sessions.insert(session);
    tx.commit();
    return result;
}

// The right password of an account with a second factor: no session yet, a challenge the code
// must answer within minutes. Older challenges of the account end, so only the latest counts.
LoginResult AuthService::open_challenge(const core::User& user, const ClientInfo& client) {
    auto now = env_.now();
    LoginResult result;
    result.user = user;
    result.challenge = random_token(32);
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::LoginChallengeRepository challenges(c);
    challenges.remove_expired(now);
    challenges.remove_for_user(user.id);
    challenges.insert(storage::StoredLoginChallenge{sha256_hex(result.challenge), user.id,
                                                    client.address, client.user_agent, 0,
                                                    now + config_.challenge_seconds});
    tx.commit();
    return result;
}

// A recovery code stands in for the authenticator: a sign-in with one is audited and the person
// told by mail in the same transaction, so a stolen code does not go unnoticed.
namespace {
void record_recovery_code_use(storage::Connection& c, const core::User& user,
                              const std::string& address, core::Timestamp now) {
    int left = storage::RecoveryCodeRepository(c).unused(user.id);
    record(
        c, RequestContext{actor_of(user), ""}, now,
        Change{core::AuditAction::use_recovery_code, core::AuditEntity::user, user.id, std::nullopt,
               nullptr, nlohmann::json{{"address", address}, {"recovery_codes_left", left}}});
    core::AccountMailFacts facts{user.name, "", 0};
    facts.recovery_codes_left = left;
    queue_account_mail(c, user, core::AccountMail::recovery_code_used, facts, "", now);
}
}  // namespace

LoginResult AuthService::login_second_factor(const SecondFactorAnswer& answer,
                                             const ClientInfo& client) {
    if (answer.code.has_value() == answer.recovery_code.has_value())
        throw core::DomainError(
            core::ErrorCode::validation, "確認コードか回復コードのどちらか一方を入力してください。",
            {{"code", "確認コードか回復コードのどちらか一方を入力してください。"}});
    if (answer.challenge.empty() || answer.challenge.size() > 128) throw_challenge_over();
    const auto challenge_hash = sha256_hex(answer.challenge);
    auto now = env_.now();
    std::optional<storage::StoredLoginChallenge> challenge;
    std::optional<core::User> user;
    {
        // The attempt is counted before the code is checked: five per challenge, then it is over.
        storage::Connection c(env_.db);
        storage::Transaction tx(c);
        storage::LoginChallengeRepository challenges(c);
        challenge = challenges.find(challenge_hash);
        if (!challenge || now >= challenge->expires_at) throw_challenge_over();
        if (!challenges.reserve_attempt(challenge_hash, config_.challenge_attempts, now))
            throw core::DomainError(core::ErrorCode::too_many_requests,
                                    "確認コードの誤りが続いたため、このログインは無効になりました。"
                                    "もう一度ログインしてください。");
        user = storage::UserRepository(c).find(challenge->user_id);
        tx.commit();
    }
    if (!user || !user->active) throw_challenge_over();
    reserve_second_factor_attempt(env_.db, config_.second_factor_per_account, user->id, now);

    CodeCheck check = CodeCheck::wrong;
    {
        storage::Connection c(env_.db);
        storage::Transaction tx(c);
        if (answer.code) {
            check = accept_totp(c, env_.totp_key, user->id, *answer.code, now);
        } else if (accept_recovery_code(c, user->id, *answer.recovery_code, now)) {
            check = CodeCheck::accepted;
            record_recovery_code_use(c, *user, client.address, now);
        }
        if (check == CodeCheck::accepted)
            storage::LoginChallengeRepository(c).remove(challenge_hash);
        tx.commit();
    }
    if (check != CodeCheck::accepted) {
        record_failed_login(user->email, client.address, user->id, true);
        if (check == CodeCheck::already_used)
            throw core::DomainError(core::ErrorCode::unauthenticated,
                                    "この確認コードは使用済みです。アプリに次のコードが表示されて"
                                    "から入力してください。");
        throw core::DomainError(core::ErrorCode::unauthenticated,
                                answer.code ? "確認コードが正しくありません。"
                                            : "回復コードが正しくないか、使用済みです。");
    }
    release_second_factor_attempt(env_.db, user->id);
    return start_session(*user, client);
}

void AuthService::confirm_password(const core::User& user, const std::string& password,
                                   const std::string& purpose, const std::string& field) {
    std::optional<std::string> stored;
    {
        storage::Connection c(env_.db);
        stored = storage::UserRepository(c).password_hash(user.id);
    }
    if (!stored) throw_bad_credentials();
    // Guessing the password from a stolen session is throttled like a login.
    const std::string address = purpose + ":" + std::to_string(user.id);
    reserve_attempt(user.email, address);
    if (password.empty() || password.size() > 1024 || !verify_password(password, *stored)) {
        throw core::DomainError(core::ErrorCode::validation, "パスワードが正しくありません。",
                                {{field, "パスワードが正しくありません。"}});
    }
    release_attempt(user.email, address);
}

std::optional<AuthenticatedSession> AuthService::authenticate(const std::string& token) {
    if (token.empty() || token.size() > 128) return std::nullopt;
    std::string token_hash = sha256_hex(token);
    storage::Connection c(env_.db);
    storage::SessionRepository sessions(c);
    auto stored = sessions.find(token_hash);
    if (!stored) return std::nullopt;
    auto now = env_.now();
    bool expired =
        now >= stored->expires_at || now >= stored->last_seen_at + config_.idle_timeout_seconds;
    if (expired) {
        sessions.remove(token_hash);
        return std::nullopt;
    }
    auto user = storage::UserRepository(c).find(stored->user_id);
    if (!user || !user->active) return std::nullopt;
    if (now - stored->last_seen_at >= config_.touch_interval_seconds)
        sessions.touch(token_hash, now);
    return AuthenticatedSession{*user, token_hash, stored->csrf_token};
}

void AuthService::logout(const std::string& token_hash) {
    storage::Connection c(env_.db);
    storage::SessionRepository(c).remove(token_hash);
}

void AuthService::change_password(const RequestContext& ctx, const std::string& token_hash,
                                  const std::string& current_password,
                                  const std::string& new_password) {
    std::optional<core::User> user;
    std::optional<std::string> stored;
    {
        storage::Connection c(env_.db);
        storage::UserRepository users(c);
        user = users.find(ctx.actor.user_id);
        stored = users.password_hash(ctx.actor.user_id);
    }
    if (!user || !stored) throw_bad_credentials();
    // Guessing the current password from a stolen session is throttled like a login.
    const std::string address = "password-change:" + std::to_string(user->id);
    reserve_attempt(user->email, address);
    if (!verify_password(current_password, *stored)) {
        throw core::DomainError(core::ErrorCode::validation, "現在のパスワードが正しくありません。",
                                {{"current_password", "現在のパスワードが正しくありません。"}});
    }
    release_attempt(user->email, address);
    require_acceptable_password(env_.content.password_rule, "new_password", new_password,
                                user->email);
    std::string new_hash = hash_password(new_password);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::UserRepository(c).set_password_hash(ctx.actor.user_id, new_hash, now);
    // Other devices logged in with the old password are signed out.
    storage::SessionRepository(c).remove_all_for_user_except(ctx.actor.user_id, token_hash);
    record(c, ctx, now,
           Change{core::AuditAction::change_password, core::AuditEntity::user, ctx.actor.user_id,
                  std::nullopt, nullptr, nullptr});
    tx.commit();
}

}  // namespace shido::services
