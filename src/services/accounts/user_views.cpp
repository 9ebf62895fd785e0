#include "services/accounts/user_views.hpp"

#include "services/json_helpers.hpp"

namespace shido::services {

nlohmann::json to_json(const core::User& u) {
    return {{"id", u.id},
            {"email", u.email},
            {"name", u.name},
            {"role", core::to_string(u.role)},
            {"company_id", nullable(u.company_id)},
            {"company_role", u.company_role ? nlohmann::json(core::to_string(*u.company_role))
                                            : nlohmann::json(nullptr)},
            {"active", u.active},
            {"status", core::to_string(core::status_of(u))},
            {"two_factor_enabled", u.two_factor_enabled}};
}

}  // namespace shido::services
