#include "storage/accounts/session_repository.hpp"

namespace shido::storage {

void SessionRepository::insert(const StoredSession& s) {
    c_.sql() << "INSERT INTO auth_sessions (token_hash, user_id, csrf_token, created_at, "
                "last_seen_at, expires_at) VALUES (:h, :u, :c, :t1, :t2, :e)",
        soci::use(s.token_hash), soci::use(s.user_id), soci::use(s.csrf_token),
        soci::use(s.created_at), soci::use(s.last_seen_at), soci::use(s.expires_at);
}

namespace {
// Runs on every authenticated request: prepared once per connection.
struct SessionByToken {
    explicit SessionByToken(soci::session& sql)
        : st((sql.prepare << "SELECT token_hash, user_id, csrf_token, created_at, last_seen_at, "
                             "expires_at FROM auth_sessions WHERE token_hash = :h",
              soci::use(key), soci::into(row.token_hash), soci::into(row.user_id),
              soci::into(row.csrf_token), soci::into(row.created_at), soci::into(row.last_seen_at),
              soci::into(row.expires_at))) {}
    std::string key;
    StoredSession row;
    soci::statement st;
};
}  // namespace

std::optional<StoredSession> SessionRepository::find(const std::string& token_hash) {
    auto& q = c_.prepared<SessionByToken>();
    q.key = token_hash;
    if (!fetch_one(q.st, c_.dialect())) return std::nullopt;
    return q.row;
}

void SessionRepository::touch(const std::string& token_hash, core::Timestamp now) {
    c_.sql() << "UPDATE auth_sessions SET last_seen_at = :t WHERE token_hash = :h", soci::use(now),
        soci::use(token_hash);
}

void SessionRepository::remove(const std::string& token_hash) {
    c_.sql() << "DELETE FROM auth_sessions WHERE token_hash = :h", soci::use(token_hash);
}

void SessionRepository::remove_all_for_user_except(core::Id user_id,
                                                   const std::string& keep_token_hash) {
    c_.sql() << "DELETE FROM auth_sessions WHERE user_id = :u AND token_hash <> :h",
        soci::use(user_id), soci::use(keep_token_hash);
}

void SessionRepository::remove_expired(core::Timestamp now, core::Timestamp idle_seconds) {
    core::Timestamp idle_cutoff = now - idle_seconds;
    c_.sql() << "DELETE FROM auth_sessions WHERE expires_at <= :n OR last_seen_at <= :i",
        soci::use(now), soci::use(idle_cutoff);
}

}  // namespace shido::storage
