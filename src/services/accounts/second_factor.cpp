#include "services/accounts/second_factor.hpp"

#include "services/accounts/totp_secret_store.hpp"

#include <sodium.h>

#include <algorithm>

#include "core/accounts/recovery_code.hpp"
#include "core/accounts/totp_window.hpp"
#include "core/error.hpp"
#include "services/accounts/totp.hpp"
#include "services/crypto.hpp"
#include "storage/accounts/login_attempt_repository.hpp"
#include "storage/accounts/recovery_code_repository.hpp"
#include "storage/accounts/two_factor_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

namespace {

constexpr const char* second_factor_scope = "second_factor";

std::string random_recovery_symbols() {
    std::string symbols;
    const auto alphabet = core::recovery_code_alphabet;
    for (std::size_t i = 0; i < core::recovery_code_symbols; ++i)
        symbols.push_back(alphabet[randombytes_uniform(static_cast<uint32_t>(alphabet.size()))]);
    return symbols;
}

}  // namespace

TotpMatch match_totp(const std::string& base32_secret, const std::string& typed,
                     long long last_step, core::Timestamp now) {
    auto code = core::normalise_totp_code(typed);
    if (!code) return {};
    const auto secret = decode_base32(base32_secret);
    TotpMatch match;
    // Every step of the window is computed and compared in constant time, whichever matches.
    for (auto step : core::totp_window_steps(now)) {
        if (!constant_time_equal(totp_code(secret, step, core::totp_digits), *code)) continue;
        if (step > last_step) return TotpMatch{CodeCheck::accepted, step};
        match = TotpMatch{CodeCheck::already_used, step};
    }
    return match;
}

CodeCheck accept_totp(storage::Connection& c, const std::string& totp_key, core::Id user_id,
                      const std::string& typed, core::Timestamp now) {
    storage::TwoFactorSecretRepository secrets(c);
    auto stored = TotpSecretStore(c, totp_key).find(user_id);
    if (!stored || !stored->confirmed_at) return CodeCheck::wrong;
    auto match = match_totp(stored->secret, typed, stored->last_step, now);
    if (match.check != CodeCheck::accepted) return match.check;
    // Another request may have taken this step (or a later one) since the read.
    return secrets.use_step(user_id, match.step) ? CodeCheck::accepted : CodeCheck::already_used;
}

bool accept_recovery_code(storage::Connection& c, core::Id user_id, const std::string& typed,
                          core::Timestamp now) {
    auto code = core::normalise_recovery_code(typed);
    if (!code) return false;
    return storage::RecoveryCodeRepository(c).use(user_id, sha256_hex(*code), now);
}

std::vector<std::string> issue_recovery_codes(storage::Connection& c, core::Id user_id) {
    std::vector<std::string> codes, hashes;
    while (codes.size() < static_cast<std::size_t>(core::recovery_code_count)) {
        auto code = core::format_recovery_code(random_recovery_symbols());
        if (std::find(codes.begin(), codes.end(), code) != codes.end()) continue;
        hashes.push_back(sha256_hex(code));
        codes.push_back(std::move(code));
    }
    storage::RecoveryCodeRepository(c).replace(user_id, hashes);
    return codes;
}

void reserve_second_factor_attempt(storage::Database& db, const core::ThrottlePolicy& policy,
                                   core::Id user_id, core::Timestamp now) {
    storage::Connection c(db);
    storage::Transaction tx(c);
    storage::LoginAttemptRepository attempts(c);
    const auto subject = std::to_string(user_id);
    attempts.lock(second_factor_scope, subject);
    auto state = attempts.get(second_factor_scope, subject);
    auto refused_for = core::seconds_until_unblocked(policy, state, now);
    if (refused_for > 0) {
        throw core::DomainError(
            core::ErrorCode::too_many_requests,
            "確認コードの誤りが続いたため、一時的に受け付けを制限しています。約" +
                std::to_string((refused_for + 59) / 60) + "分後に再度お試しください。");
    }
    attempts.put(second_factor_scope, subject, core::after_failure(policy, state, now));
    tx.commit();
}

void release_second_factor_attempt(storage::Database& db, core::Id user_id) {
    storage::Connection c(db);
    storage::Transaction tx(c);
    storage::LoginAttemptRepository attempts(c);
    const auto subject = std::to_string(user_id);
    attempts.lock(second_factor_scope, subject);
    auto state = attempts.get(second_factor_scope, subject);
    if (state.failures > 0) {
        state.failures -= 1;
        attempts.put(second_factor_scope, subject, state);
    }
    tx.commit();
}

}  // namespace shido::services
