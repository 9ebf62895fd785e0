// 事務局: the audit log.
#include "http/api_routes.hpp"
#include "services/audit/audit_views.hpp"
#include "services/json_helpers.hpp"

namespace shido::http {

std::vector<Route> audit_routes(services::Services& s) {
    auto& audit = s.audit;
    return {
        {Method::get, "/api/v1/audit", Access::secretariat,
         [&audit](ApiCall& call) {
             services::AuditFilter filter;
             filter.entity = call.query_param("entity");
             filter.action = call.query_param("action");
             filter.entity_id = call.query_id("entity_id");
             filter.engagement_id = call.query_id("engagement_id");
             filter.page = call.page();
             return ApiResponse{200,
                                services::page_json(audit.list(call.ctx, filter),
                                                    [](const storage::AuditEntry& e) {
                                                        return services::to_json(e);
                                                    }),
                                {}};
         }},
    };
}

}  // namespace shido::http
