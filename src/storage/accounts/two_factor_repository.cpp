#include "storage/accounts/two_factor_repository.hpp"

#include "storage/nullable.hpp"

namespace shido::storage {

std::optional<StoredTwoFactorSecret> TwoFactorSecretRepository::find(core::Id user_id) {
    StoredTwoFactorSecret row;
    NullableIn<core::Timestamp> confirmed;
    soci::statement st(c_.sql());
    st.exchange(soci::into(row.user_id));
    st.exchange(soci::into(row.secret));
    st.exchange(soci::into(row.created_at));
    st.exchange(soci::into(confirmed.value, confirmed.ind));
    st.exchange(soci::into(row.last_step));
    st.exchange(soci::use(user_id));
    prepare(st,
            "SELECT user_id, secret, created_at, confirmed_at, last_step FROM two_factor_secrets "
            "WHERE user_id = :u");
    if (!fetch_one(st, c_.dialect())) return std::nullopt;
    row.confirmed_at = confirmed.get();
    return row;
}

bool TwoFactorSecretRepository::put_pending(core::Id user_id, const std::string& secret,
                                            core::Timestamp now) {
    c_.sql() << "DELETE FROM two_factor_secrets WHERE user_id = :u AND confirmed_at IS NULL",
        soci::use(user_id);
    soci::statement st =
        (c_.sql().prepare << "INSERT INTO two_factor_secrets (user_id, secret, created_at, "
                             "last_step) VALUES (:u, :s, :t, 0) ON CONFLICT (user_id) DO NOTHING",
         soci::use(user_id), soci::use(secret), soci::use(now));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

bool TwoFactorSecretRepository::confirm(core::Id user_id, long long step, core::Timestamp now) {
    soci::statement st =
        (c_.sql().prepare << "UPDATE two_factor_secrets SET confirmed_at = :t, last_step = :s "
                             "WHERE user_id = :u AND confirmed_at IS NULL",
         soci::use(now), soci::use(step), soci::use(user_id));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

bool TwoFactorSecretRepository::use_step(core::Id user_id, long long step) {
    soci::statement st =
        (c_.sql().prepare << "UPDATE two_factor_secrets SET last_step = :s WHERE user_id = :u "
                             "AND confirmed_at IS NOT NULL AND last_step < :s2",
         soci::use(step), soci::use(user_id), soci::use(step));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

bool TwoFactorSecretRepository::remove(core::Id user_id) {
    soci::statement st = (c_.sql().prepare << "DELETE FROM two_factor_secrets WHERE user_id = :u",
                          soci::use(user_id));
    st.execute(true);
    return st.get_affected_rows() > 0;
}

std::vector<std::pair<core::Id, std::string>> TwoFactorSecretRepository::all_values() {
    std::vector<std::pair<core::Id, std::string>> rows;
    core::Id user_id = 0;
    std::string value;
    soci::statement st =
        (c_.sql().prepare << "SELECT user_id, secret FROM two_factor_secrets ORDER BY user_id",
         soci::into(user_id), soci::into(value));
    st.execute();
    while (st.fetch()) rows.emplace_back(user_id, value);
    return rows;
}

bool TwoFactorSecretRepository::replace_value(core::Id user_id, const std::string& old,
                                              const std::string& value) {
    soci::statement st = (c_.sql().prepare << "UPDATE two_factor_secrets SET secret = :s WHERE "
                                              "user_id = :u AND secret = :old",
                          soci::use(value), soci::use(user_id), soci::use(old));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

void set_second_factor_exempt(Connection& c, core::Id user_id, bool exempt) {
    int value = exempt ? 1 : 0;
    c.sql() << "UPDATE users SET second_factor_exempt = :x WHERE id = :u", soci::use(value),
        soci::use(user_id);
}

bool any_active_exempt_user(Connection& c) {
    int count = 0;
    c.sql() << "SELECT COUNT(*) FROM (SELECT 1 FROM users WHERE second_factor_exempt = 1 AND "
               "active = 1 LIMIT 1) AS exempt",
        soci::into(count);
    return count > 0;
}

}  // namespace shido::storage
