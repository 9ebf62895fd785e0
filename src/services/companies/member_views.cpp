#include "services/companies/member_views.hpp"

namespace shido::services {

nlohmann::json member_json(const core::User& m) {
    return {{"id", m.id},
            {"name", m.name},
            {"email", m.email},
            {"company_role", core::to_string(m.company_role.value_or(core::CompanyRole::manager))},
            {"status", core::to_string(core::status_of(m))},
            {"created_at", m.created_at}};
}

nlohmann::json to_json(const CompanyMembers& list) {
    nlohmann::json members = nlohmann::json::array(), experts = nlohmann::json::array();
    for (const auto& m : list.members) members.push_back(member_json(m));
    for (const auto& e : list.experts)
        experts.push_back(
            {{"id", e.user_id}, {"name", e.name}, {"engagement_id", e.engagement_id}});
    return {{"members", members}, {"experts", experts}, {"can_manage", list.can_manage}};
}

}  // namespace shido::services
