#include "storage/accounts/login_challenge_repository.hpp"

namespace shido::storage {

void LoginChallengeRepository::insert(const StoredLoginChallenge& ch) {
    c_.sql() << "INSERT INTO login_challenges (token_hash, user_id, client_address, user_agent, "
                "failures, expires_at) VALUES (:h, :u, :a, :ua, :f, :e)",
        soci::use(ch.token_hash), soci::use(ch.user_id), soci::use(ch.client_address),
        soci::use(ch.user_agent), soci::use(ch.failures), soci::use(ch.expires_at);
}

std::optional<StoredLoginChallenge> LoginChallengeRepository::find(const std::string& token_hash) {
    StoredLoginChallenge row;
    soci::statement st(c_.sql());
    st.exchange(soci::into(row.token_hash));
    st.exchange(soci::into(row.user_id));
    st.exchange(soci::into(row.client_address));
    st.exchange(soci::into(row.user_agent));
    st.exchange(soci::into(row.failures));
    st.exchange(soci::into(row.expires_at));
    st.exchange(soci::use(token_hash));
    prepare(st,
            "SELECT token_hash, user_id, client_address, user_agent, failures, expires_at FROM "
            "login_challenges WHERE token_hash = :h");
    if (!fetch_one(st, c_.dialect())) return std::nullopt;
    return row;
}

bool LoginChallengeRepository::reserve_attempt(const std::string& token_hash, int max_attempts,
                                               core::Timestamp now) {
    soci::statement st =
        (c_.sql().prepare << "UPDATE login_challenges SET failures = failures + 1 WHERE "
                             "token_hash = :h AND failures < :m AND expires_at > :n",
         soci::use(token_hash), soci::use(max_attempts), soci::use(now));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

void LoginChallengeRepository::remove(const std::string& token_hash) {
    c_.sql() << "DELETE FROM login_challenges WHERE token_hash = :h", soci::use(token_hash);
}

void LoginChallengeRepository::remove_for_user(core::Id user_id) {
    c_.sql() << "DELETE FROM login_challenges WHERE user_id = :u", soci::use(user_id);
}

void LoginChallengeRepository::remove_expired(core::Timestamp now) {
    c_.sql() << "DELETE FROM login_challenges WHERE expires_at <= :n", soci::use(now);
}

}  // namespace shido::storage
