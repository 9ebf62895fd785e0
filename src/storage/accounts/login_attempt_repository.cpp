#include "storage/accounts/login_attempt_repository.hpp"

namespace shido::storage {

void LoginAttemptRepository::lock(const std::string& scope, const std::string& subject) {
    if (c_.dialect() != Dialect::postgresql) return;
    std::string key = scope + ":" + subject;
    c_.sql() << "SELECT pg_advisory_xact_lock(hashtext(:k))", soci::use(key);
}

core::AttemptState LoginAttemptRepository::get(const std::string& scope,
                                               const std::string& subject) {
    core::AttemptState state;
    c_.sql()
        << "SELECT failures, window_start FROM login_attempts WHERE scope = :s AND subject = :j",
        soci::use(scope), soci::use(subject), soci::into(state.failures),
        soci::into(state.window_start);
    if (!c_.sql().got_data()) return core::AttemptState{};
    return state;
}

void LoginAttemptRepository::put(const std::string& scope, const std::string& subject,
                                 const core::AttemptState& state) {
    // INSERT ... ON CONFLICT is understood by SQLite (3.24+) and PostgreSQL alike.
    c_.sql() << "INSERT INTO login_attempts (scope, subject, failures, window_start) "
                "VALUES (:s, :j, :f, :w) ON CONFLICT (scope, subject) DO UPDATE SET "
                "failures = excluded.failures, window_start = excluded.window_start",
        soci::use(scope), soci::use(subject), soci::use(state.failures),
        soci::use(state.window_start);
}

void LoginAttemptRepository::clear(const std::string& scope, const std::string& subject) {
    c_.sql() << "DELETE FROM login_attempts WHERE scope = :s AND subject = :j", soci::use(scope),
        soci::use(subject);
}

}  // namespace shido::storage
