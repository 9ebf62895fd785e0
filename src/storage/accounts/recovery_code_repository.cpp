#include "storage/accounts/recovery_code_repository.hpp"

namespace shido::storage {

void RecoveryCodeRepository::replace(core::Id user_id,
                                     const std::vector<std::string>& code_hashes) {
    remove_all(user_id);
    for (const auto& hash : code_hashes)
        c_.sql() << "INSERT INTO recovery_codes (user_id, code_hash) VALUES (:u, :h)",
            soci::use(user_id), soci::use(hash);
}

bool RecoveryCodeRepository::use(core::Id user_id, const std::string& code_hash,
                                 core::Timestamp now) {
    soci::statement st =
        (c_.sql().prepare << "UPDATE recovery_codes SET used_at = :t WHERE user_id = :u AND "
                             "code_hash = :h AND used_at IS NULL",
         soci::use(now), soci::use(user_id), soci::use(code_hash));
    st.execute(true);
    return st.get_affected_rows() > 0;
}

int RecoveryCodeRepository::unused(core::Id user_id) {
    int count = 0;
    c_.sql() << "SELECT COUNT(*) FROM recovery_codes WHERE user_id = :u AND used_at IS NULL",
        soci::use(user_id), soci::into(count);
    return count;
}

void RecoveryCodeRepository::remove_all(core::Id user_id) {
    c_.sql() << "DELETE FROM recovery_codes WHERE user_id = :u", soci::use(user_id);
}

}  // namespace shido::storage
