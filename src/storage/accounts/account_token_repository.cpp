#include "storage/accounts/account_token_repository.hpp"

#include "storage/nullable.hpp"

namespace shido::storage {

void AccountTokenRepository::insert(const AccountToken& t) {
    NullableOut<long long> created_by(t.created_by);
    c_.sql() << "INSERT INTO account_tokens (token_hash, user_id, purpose, created_by, "
                "created_at, expires_at) VALUES (:h, :u, :p, :b, :c, :e)",
        soci::use(t.token_hash), soci::use(t.user_id), soci::use(t.purpose),
        soci::use(created_by.value, created_by.ind), soci::use(t.created_at),
        soci::use(t.expires_at);
}

std::optional<AccountToken> AccountTokenRepository::find(const std::string& token_hash) {
    AccountToken t;
    NullableIn<long long> created_by, used_at;
    long long user_id = 0;
    soci::statement st =
        (c_.sql().prepare << "SELECT token_hash, user_id, purpose, created_by, created_at, "
                             "expires_at, used_at FROM account_tokens WHERE token_hash = :h",
         soci::use(token_hash), soci::into(t.token_hash), soci::into(user_id),
         soci::into(t.purpose), soci::into(created_by.value, created_by.ind),
         soci::into(t.created_at), soci::into(t.expires_at),
         soci::into(used_at.value, used_at.ind));
    if (!st.execute(true)) return std::nullopt;
    t.user_id = user_id;
    t.created_by = created_by.get();
    t.used_at = used_at.get();
    return t;
}

bool AccountTokenRepository::use(const std::string& token_hash, core::Timestamp now) {
    soci::statement st = (c_.sql().prepare << "UPDATE account_tokens SET used_at = :t WHERE "
                                              "token_hash = :h AND used_at IS NULL AND "
                                              "expires_at > :n",
                          soci::use(now), soci::use(token_hash), soci::use(now));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

void AccountTokenRepository::revoke_open(core::Id user_id, const std::string& purpose,
                                         core::Timestamp now) {
    if (purpose.empty()) {
        c_.sql() << "UPDATE account_tokens SET used_at = :t WHERE user_id = :u AND used_at IS NULL",
            soci::use(now), soci::use(user_id);
        return;
    }
    c_.sql() << "UPDATE account_tokens SET used_at = :t WHERE user_id = :u AND purpose = :p AND "
                "used_at IS NULL",
        soci::use(now), soci::use(user_id), soci::use(purpose);
}

void AccountTokenRepository::remove_expired(core::Timestamp now) {
    // A used or expired link is kept a day, then it says no more than an unknown one.
    long long before = now - 24 * 60 * 60;
    c_.sql() << "DELETE FROM account_tokens WHERE expires_at < :t", soci::use(before);
}

}  // namespace shido::storage
