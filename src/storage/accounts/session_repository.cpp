#include "storage/accounts/session_repository.hpp"

namespace shido::storage {

void SessionRepository::insert(const StoredSession& s) {
    c_.sql() << "INSERT INTO auth_sessions (token_hash, user_id, csrf_token, created_at, "
                "last_seen_at, expires_at, public_id, user_agent, client_address) VALUES (:h, :u, "
                ":c, :t1, :t2, :e, :p, :a, :addr)",
        soci::use(s.token_hash), soci::use(s.user_id), soci::use(s.csrf_token),
        soci::use(s.created_at), soci::use(s.last_seen_at), soci::use(s.expires_at),
        soci::use(s.public_id), soci::use(s.user_agent), soci::use(s.client_address);
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

void SessionRepository::remove_all_for_user(core::Id user_id) {
    c_.sql() << "DELETE FROM auth_sessions WHERE user_id = :u", soci::use(user_id);
}

std::vector<StoredSession> SessionRepository::list_for_user(core::Id user_id) {
    StoredSession row;
    soci::statement st =
        (c_.sql().prepare << "SELECT token_hash, user_id, csrf_token, created_at, last_seen_at, "
                             "expires_at, public_id, user_agent, client_address FROM "
                             "auth_sessions WHERE user_id = :u AND public_id IS NOT NULL "
                             "ORDER BY last_seen_at DESC, created_at DESC, public_id",
         soci::use(user_id), soci::into(row.token_hash), soci::into(row.user_id),
         soci::into(row.csrf_token), soci::into(row.created_at), soci::into(row.last_seen_at),
         soci::into(row.expires_at), soci::into(row.public_id), soci::into(row.user_agent),
         soci::into(row.client_address));
    st.execute(false);
    std::vector<StoredSession> out;
    while (st.fetch()) out.push_back(row);
    return out;
}

bool SessionRepository::remove_by_public_id(core::Id user_id, const std::string& public_id) {
    soci::statement st =
        (c_.sql().prepare << "DELETE FROM auth_sessions WHERE user_id = :u AND public_id = :p",
         soci::use(user_id), soci::use(public_id));
    st.execute(true);
    return st.get_affected_rows() > 0;
}

void SessionRepository::remove_expired(core::Timestamp now, core::Timestamp idle_seconds) {
    core::Timestamp idle_cutoff = now - idle_seconds;
    c_.sql() << "DELETE FROM auth_sessions WHERE expires_at <= :n OR last_seen_at <= :i",
        soci::use(now), soci::use(idle_cutoff);
}

}  // namespace shido::storage
