#include "services/accounts/account_link_service.hpp"

#include "core/error.hpp"
#include "core/validation.hpp"
#include "services/accounts/account_mail.hpp"
#include "services/accounts/password_check.hpp"
#include "services/accounts/user_views.hpp"
#include "services/audit/audit_service.hpp"
#include "services/crypto.hpp"
#include "storage/accounts/account_token_repository.hpp"
#include "storage/accounts/login_attempt_repository.hpp"
#include "storage/accounts/session_repository.hpp"
#include "storage/accounts/user_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

namespace {

constexpr const char* invitation_purpose = "invitation";
constexpr const char* reset_purpose = "password_reset";
constexpr const char* reset_account_scope = "reset_account";
constexpr const char* reset_address_scope = "reset_address";

[[noreturn]] void throw_link_invalid() {
    throw core::DomainError(core::ErrorCode::not_found,
                            "このリンクは無効か、有効期限が切れています。もう一度手続きを"
                            "やり直してください。");
}

// Who acts when nobody is signed in: the person holding the link.
RequestContext link_holder(const core::User& user) {
    return RequestContext{actor_of(user), ""};
}

struct OpenLink {
    storage::AccountToken token;
    core::User user;
};

// The link and its account, when the link may still be used for `purpose` (any when empty).
std::optional<OpenLink> open_link(storage::Connection& c, const std::string& token,
                                  const std::string& purpose, core::Timestamp now) {
    if (token.empty() || token.size() > 128) return std::nullopt;
    auto stored = storage::AccountTokenRepository(c).find(sha256_hex(token));
    if (!stored || stored->used_at || stored->expires_at <= now) return std::nullopt;
    if (!purpose.empty() && stored->purpose != purpose) return std::nullopt;
    auto user = storage::UserRepository(c).find(stored->user_id);
    if (!user || !user->active) return std::nullopt;
    return OpenLink{*stored, *user};
}

// A new link of `purpose` for `user` (older unused ones of that purpose are revoked) and its
// mail; returns nothing, since the token exists only in the mail.
void send_link(storage::Connection& c, const core::User& user, const std::string& purpose,
               core::Timestamp lifetime, std::optional<core::Id> created_by,
               const std::string& invited_by, core::Timestamp now) {
    storage::AccountTokenRepository tokens(c);
    tokens.remove_expired(now);
    tokens.revoke_open(user.id, purpose, now);
    auto token = random_token(32);
    tokens.insert({sha256_hex(token), user.id, purpose, created_by, now, now + lifetime, {}});
    bool invitation = purpose == invitation_purpose;
    core::AccountMailFacts facts{user.name, invited_by, now + lifetime};
    queue_account_mail(
        c, user, invitation ? core::AccountMail::invitation : core::AccountMail::password_reset,
        facts, (invitation ? "/account/setup#t=" : "/account/reset#t=") + token, now);
}

}  // namespace

core::User invite_user(storage::Connection& c, const RequestContext& ctx, core::Timestamp now,
                       const NewUser& input, const AccountLinkConfig& config) {
    core::User user = validated_new_user(c, input, false);
    storage::UserRepository users(c);
    auto existing = users.find_by_email(user.email);
    bool rejoins = existing && !existing->user.active && user.company_id &&
                   existing->user.company_id == user.company_id;
    if (existing && !rejoins) {
        throw core::DomainError(core::ErrorCode::conflict,
                                "このメールアドレスは既に登録されています。",
                                {{"email", "このメールアドレスは既に登録されています。"}});
    }
    nlohmann::json before = nullptr;
    if (rejoins) {
        before = to_json(existing->user);
        user.id = existing->user.id;
        users.reinvite(user, now);
        user.created_at = existing->user.created_at;
    } else {
        user.id = users.insert(user, "", now);
        user.created_at = now;
    }
    user.updated_at = now;
    user.has_password = false;
    send_link(c, user, invitation_purpose, config.invitation_seconds, ctx.actor.user_id,
              ctx.actor.name, now);
    record(c, ctx, now,
           Change{core::AuditAction::invite_account, core::AuditEntity::user, user.id, std::nullopt,
                  before, to_json(user)});
    return user;
}

AccountLinkView AccountLinkService::describe(const std::string& token) {
    storage::Connection c(env_.db);
    auto link = open_link(c, token, "", env_.now());
    if (!link) throw_link_invalid();
    return {link->token.purpose, link->user.email, link->user.name, link->token.expires_at};
}

core::User AccountLinkService::set_password_by_link(const std::string& token,
                                                    const std::string& purpose,
                                                    const std::string& password,
                                                    const AfterPasswordSet& then) {
    core::User user;
    {
        storage::Connection c(env_.db);
        auto link = open_link(c, token, purpose, env_.now());
        if (!link) throw_link_invalid();
        user = link->user;
    }
    require_acceptable_password(env_.content.password_rule, "password", password, user.email);
    auto hash = hash_password(password);  // outside the transaction: argon2id takes a while
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    // Checked again inside the transaction: of two tabs, one sets the password.
    storage::AccountTokenRepository tokens(c);
    if (!tokens.use(sha256_hex(token), now)) throw_link_invalid();
    storage::UserRepository(c).set_password_hash(user.id, hash, now);
    tokens.revoke_open(user.id, "", now);
    user.has_password = true;
    then(c, user, now);
    tx.commit();
    return user;
}

LoginResult AccountLinkService::accept_invitation(const std::string& token,
                                                  const std::string& password,
                                                  const std::string& client_address,
                                                  const std::string& user_agent) {
    auto user = set_password_by_link(
        token, invitation_purpose, password,
        [](storage::Connection& c, const core::User& invited, core::Timestamp now) {
            record(c, link_holder(invited), now,
                   Change{core::AuditAction::accept_invitation, core::AuditEntity::user, invited.id,
                          std::nullopt, nullptr, nullptr});
        });
    return auth_.start_session(user, ClientInfo{client_address, user_agent});
}

void AccountLinkService::request_reset(const std::string& raw_email,
                                       const std::string& client_address) {
    auto email = normalise_email(raw_email);
    core::Validator v;
    v.email("email", email);
    v.throw_if_failed();
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::LoginAttemptRepository attempts(c);
    attempts.lock(reset_address_scope, client_address);
    attempts.lock(reset_account_scope, email);
    auto from_address = attempts.get(reset_address_scope, client_address);
    auto wait = core::seconds_until_unblocked(config_.reset_per_address, from_address, now);
    if (wait > 0) {
        throw core::DomainError(core::ErrorCode::too_many_requests,
                                "再設定の依頼が続いたため、一時的に受け付けを止めています。約" +
                                    std::to_string((wait + 59) / 60) +
                                    "分後に再度お試しください。");
    }
    attempts.put(reset_address_scope, client_address,
                 core::after_failure(config_.reset_per_address, from_address, now));
    // Counted by the address typed, whether or not it has an account, so the count says
    // nothing about which addresses exist.
    auto for_account = attempts.get(reset_account_scope, email);
    bool quiet = core::is_blocked(config_.reset_per_account, for_account, now);
    if (!quiet)
        attempts.put(reset_account_scope, email,
                     core::after_failure(config_.reset_per_account, for_account, now));
    auto found = storage::UserRepository(c).find_by_email(email);
    if (!quiet && found && found->user.active) {
        send_link(c, found->user, reset_purpose, config_.reset_seconds, std::nullopt, "", now);
        record(c, link_holder(found->user), now,
               Change{core::AuditAction::request_password_reset,
                      core::AuditEntity::user,
                      found->user.id,
                      std::nullopt,
                      nullptr,
                      {{"address", client_address}}});
    }
    tx.commit();
}

void AccountLinkService::complete_reset(const std::string& token, const std::string& password) {
    set_password_by_link(token, reset_purpose, password,
                         [](storage::Connection& c, const core::User& user, core::Timestamp now) {
                             // Whoever knew the old password is signed out everywhere.
                             storage::SessionRepository(c).remove_all_for_user_except(user.id, "");
                             record(
                                 c, link_holder(user), now,
                                 Change{core::AuditAction::reset_password, core::AuditEntity::user,
                                        user.id, std::nullopt, nullptr, nullptr});
                             queue_account_mail(c, user, core::AccountMail::password_changed,
                                                {user.name, "", 0}, "", now);
                         });
}

void AccountLinkService::resend_invitation(const RequestContext& ctx, core::Id user_id) {
    if (!core::is_secretariat(ctx.actor)) core::throw_forbidden();
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto user = storage::UserRepository(c).find(user_id);
    if (!user) core::throw_not_found("利用者");
    if (core::status_of(*user) != core::UserStatus::invited) {
        throw core::DomainError(core::ErrorCode::conflict,
                                user->active ? "この利用者は既にパスワードを設定しています。"
                                             : "この利用者は無効になっています。");
    }
    send_link(c, *user, invitation_purpose, config_.invitation_seconds, ctx.actor.user_id,
              ctx.actor.name, now);
    record(c, ctx, now,
           Change{core::AuditAction::resend_account_invitation, core::AuditEntity::user, user->id,
                  std::nullopt, nullptr, nullptr});
    tx.commit();
}

}  // namespace shido::services
