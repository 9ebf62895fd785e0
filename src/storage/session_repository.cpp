#include "storage/session_repository.hpp"

namespace shido::storage {

void SessionRepository::insert(const StoredSession& s) {
    c_.sql() << "INSERT INTO auth_sessions (token_hash, user_id, csrf_token, created_at, "
                "last_seen_at, expires_at) VALUES (:h, :u, :c, :t1, :t2, :e)",
        soci::use(s.token_hash), soci::use(s.user_id), soci::use(s.csrf_token),
        soci::use(s.created_at), soci::use(s.last_seen_at), soci::use(s.expires_at);
}

std::optional<StoredSession> SessionRepository::find(const std::string& token_hash) {
    StoredSession s;
    c_.sql() << "SELECT token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at "
                "FROM auth_sessions WHERE token_hash = :h",
        soci::use(token_hash), soci::into(s.token_hash), soci::into(s.user_id),
        soci::into(s.csrf_token), soci::into(s.created_at), soci::into(s.last_seen_at),
        soci::into(s.expires_at);
    if (!c_.sql().got_data()) return std::nullopt;
    return s;
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
