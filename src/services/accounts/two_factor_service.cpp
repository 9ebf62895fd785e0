#include "services/accounts/two_factor_service.hpp"

#include "core/accounts/account_mail.hpp"
#include "core/accounts/two_factor.hpp"
#include "core/error.hpp"
#include "services/accounts/account_mail.hpp"
#include "services/accounts/second_factor.hpp"
#include "services/accounts/totp.hpp"
#include "services/accounts/totp_secret_store.hpp"
#include "services/audit/audit_service.hpp"
#include "storage/accounts/login_challenge_repository.hpp"
#include "storage/accounts/recovery_code_repository.hpp"
#include "storage/accounts/session_repository.hpp"
#include "storage/accounts/two_factor_repository.hpp"
#include "storage/accounts/user_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

namespace {

[[noreturn]] void throw_wrong_code(CodeCheck check) {
    const char* message = check == CodeCheck::already_used
                              ? "この確認コードは使用済みです。アプリに次のコードが表示されてから"
                                "入力してください。"
                              : "確認コードが正しくありません。アプリに表示されている6桁の数字を"
                                "入力してください。";
    throw core::DomainError(core::ErrorCode::validation, message, {{"code", message}});
}

[[noreturn]] void throw_not_enabled() {
    throw core::DomainError(core::ErrorCode::conflict, "二要素認証は設定されていません。");
}

// What the audit log keeps of a second factor: when it was confirmed, never the secret.
nlohmann::json confirmed_snapshot(std::optional<core::Timestamp> confirmed_at) {
    return {{"two_factor_enabled", confirmed_at.has_value()},
            {"confirmed_at", confirmed_at ? nlohmann::json(*confirmed_at) : nlohmann::json()}};
}

}  // namespace

core::User TwoFactorService::me(const RequestContext& ctx) {
    storage::Connection c(env_.db);
    auto user = storage::UserRepository(c).find(ctx.actor.user_id);
    if (!user) core::throw_forbidden();
    return *user;
}

bool TwoFactorService::demo_accounts_skip_second_factor() {
    storage::Connection c(env_.db);
    return storage::any_active_exempt_user(c);
}

TwoFactorStatus TwoFactorService::status(const RequestContext& ctx) {
    auto user = me(ctx);
    storage::Connection c(env_.db);
    auto secret = storage::TwoFactorSecretRepository(c).find(user.id);
    TwoFactorStatus status;
    status.required = core::second_factor_required(user);
    if (secret && secret->confirmed_at) {
        status.enabled = true;
        status.confirmed_at = secret->confirmed_at;
        status.recovery_codes_left = storage::RecoveryCodeRepository(c).unused(user.id);
    }
    return status;
}

TwoFactorEnrolment TwoFactorService::start_enrolment(const RequestContext& ctx) {
    auto user = me(ctx);
    auto secret = new_totp_secret();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    if (!TotpSecretStore(c, env_.totp_key).put_pending(user.id, secret, env_.now()))
        throw core::DomainError(core::ErrorCode::conflict,
                                "二要素認証は既に設定されています。設定し直すには、先に解除して"
                                "ください。");
    tx.commit();
    return TwoFactorEnrolment{secret, core::otpauth_uri(secret, user.email)};
}

std::vector<std::string> TwoFactorService::confirm(const RequestContext& ctx,
                                                   const std::string& code) {
    auto user = me(ctx);
    auto now = env_.now();
    reserve_second_factor_attempt(env_.db, auth_.config().second_factor_per_account, user.id, now);
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::TwoFactorSecretRepository secrets(c);
    auto pending = TotpSecretStore(c, env_.totp_key).find(user.id);
    if (!pending || pending->confirmed_at)
        throw core::DomainError(core::ErrorCode::conflict,
                                pending ? "二要素認証は既に設定されています。"
                                        : "登録が始まっていません。もう一度登録を始めてください。");
    auto match = match_totp(pending->secret, code, pending->last_step, now);
    if (match.check != CodeCheck::accepted) throw_wrong_code(match.check);
    if (!secrets.confirm(user.id, match.step, now))
        throw core::DomainError(core::ErrorCode::conflict, "二要素認証は既に設定されています。");
    auto codes = issue_recovery_codes(c, user.id);
    record(c, ctx, now,
           Change{core::AuditAction::enable_two_factor, core::AuditEntity::user, user.id,
                  std::nullopt, confirmed_snapshot(std::nullopt), confirmed_snapshot(now)});
    tx.commit();
    release_second_factor_attempt(env_.db, user.id);
    return codes;
}

void TwoFactorService::require_current_code(const core::User& user, const std::string& code) {
    auto now = env_.now();
    reserve_second_factor_attempt(env_.db, auth_.config().second_factor_per_account, user.id, now);
    CodeCheck check = CodeCheck::wrong;
    {
        storage::Connection c(env_.db);
        storage::Transaction tx(c);
        if (!storage::TwoFactorSecretRepository(c).find(user.id)) throw_not_enabled();
        check = accept_totp(c, env_.totp_key, user.id, code, now);
        tx.commit();
    }
    if (check != CodeCheck::accepted) throw_wrong_code(check);
    release_second_factor_attempt(env_.db, user.id);
}

std::vector<std::string> TwoFactorService::renew_recovery_codes(const RequestContext& ctx,
                                                                const std::string& code) {
    auto user = me(ctx);
    if (!user.two_factor_enabled) throw_not_enabled();
    require_current_code(user, code);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto codes = issue_recovery_codes(c, user.id);
    record(c, ctx, now,
           Change{core::AuditAction::renew_recovery_codes,
                  core::AuditEntity::user,
                  user.id,
                  std::nullopt,
                  nullptr,
                  {{"recovery_codes", static_cast<int>(codes.size())}}});
    tx.commit();
    return codes;
}

void TwoFactorService::disable(const RequestContext& ctx, const std::string& password) {
    auto user = me(ctx);
    if (!core::may_disable_second_factor(user))
        throw core::DomainError(core::ErrorCode::forbidden,
                                "事務局と専門家のアカウントでは二要素認証を解除できません。");
    if (!user.two_factor_enabled) throw_not_enabled();
    auth_.confirm_password(user, password, "two-factor-disable", "password");
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::TwoFactorSecretRepository secrets(c);
    auto before = secrets.find(user.id);
    if (!before || !secrets.remove(user.id)) throw_not_enabled();
    storage::RecoveryCodeRepository(c).remove_all(user.id);
    record(c, ctx, now,
           Change{core::AuditAction::disable_two_factor, core::AuditEntity::user, user.id,
                  std::nullopt, confirmed_snapshot(before->confirmed_at),
                  confirmed_snapshot(std::nullopt)});
    tx.commit();
}

void TwoFactorService::reset(const RequestContext& ctx, core::Id user_id) {
    if (!core::is_secretariat(ctx.actor)) core::throw_forbidden();
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto user = storage::UserRepository(c).find(user_id);
    if (!user) core::throw_not_found("ユーザー");
    storage::TwoFactorSecretRepository secrets(c);
    auto before = secrets.find(user_id);
    if (!before || !before->confirmed_at)
        throw core::DomainError(core::ErrorCode::conflict,
                                "このユーザーは二要素認証を設定していません。");
    secrets.remove(user_id);
    storage::RecoveryCodeRepository(c).remove_all(user_id);
    storage::LoginChallengeRepository(c).remove_for_user(user_id);
    // Whoever holds the lost phone must not stay signed in either.
    storage::SessionRepository(c).remove_all_for_user(user_id);
    queue_account_mail(c, *user, core::AccountMail::two_factor_reset,
                       core::AccountMailFacts{user->name, {}, 0}, "", now);
    record(
        c, ctx, now,
        Change{core::AuditAction::reset_two_factor, core::AuditEntity::user, user_id, std::nullopt,
               confirmed_snapshot(before->confirmed_at), confirmed_snapshot(std::nullopt)});
    tx.commit();
}

}  // namespace shido::services
