#include "services/companies/company_views.hpp"

#include "core/clock.hpp"
#include "services/json_helpers.hpp"

namespace shido::services {

nlohmann::json to_json(const core::Company& c) {
    return {{"id", c.id},
            {"name", c.name},
            {"industry", c.industry},
            {"employee_count", nullable(c.employee_count)},
            {"address", c.address},
            {"website", c.website},
            {"representative_title", c.representative_title},
            {"representative_name", c.representative_name},
            {"created_at", core::format_iso8601(c.created_at)},
            {"updated_at", core::format_iso8601(c.updated_at)}};
}

}  // namespace shido::services
