#include "storage/companies/company_access_repository.hpp"

namespace shido::storage {

std::vector<AssignedExpert> assigned_experts(Connection& c, core::Id company_id) {
    AssignedExpert row;
    long long user_id = 0, engagement_id = 0;
    soci::statement st =
        (c.sql().prepare << "SELECT u.id, u.name, e.id FROM engagements e JOIN users u ON "
                            "u.id = e.expert_id WHERE e.company_id = :c AND u.active = 1 "
                            "ORDER BY e.id",
         soci::use(company_id), soci::into(user_id), soci::into(row.name),
         soci::into(engagement_id));
    st.execute(false);
    std::vector<AssignedExpert> experts;
    while (st.fetch()) {
        row.user_id = user_id;
        row.engagement_id = engagement_id;
        experts.push_back(row);
    }
    return experts;
}

}  // namespace shido::storage
