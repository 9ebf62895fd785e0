// The secretariat's dashboard: the table of every engagement, its counts, the experts'
// workload and the table as .xlsx.
#include "exports/dashboard/dashboard_xlsx.hpp"
#include "http/api_routes.hpp"
#include "services/dashboard/dashboard_views.hpp"

namespace shido::http {

namespace {

services::DashboardQuery dashboard_query(const ApiCall& call) {
    services::DashboardQuery q;
    q.industry = call.query_param("industry");
    q.expert = call.query_param("expert_id");
    q.status = call.query_param("status");
    q.state = call.query_param("state");
    q.company_name_contains = call.query_param("q").value_or("");
    return q;
}

}  // namespace

std::vector<Route> dashboard_routes(services::Services& s) {
    auto& dashboard = s.dashboard;
    return {
        {Method::get, "/api/v1/dashboard/engagements", Access::secretariat,
         [&dashboard](ApiCall& call) {
             return json_text_response(200, services::dashboard_page_json(dashboard.engagements(
                                                call.ctx, dashboard_query(call), call.page())));
         }},
        {Method::get, "/api/v1/dashboard/summary", Access::secretariat,
         [&dashboard](ApiCall& call) {
             return json_text_response(200, services::dashboard_summary_json(dashboard.summary(
                                                call.ctx, dashboard_query(call))));
         }},
        {Method::get, "/api/v1/dashboard/experts", Access::secretariat,
         [&dashboard](ApiCall& call) {
             return json_text_response(200, services::expert_workload_page_json(
                                                dashboard.experts(call.ctx, call.page())));
         }},
        heavy({Method::get, "/api/v1/dashboard/engagements.xlsx", Access::secretariat,
               [&dashboard](ApiCall& call) {
                   auto table = dashboard.export_rows(call.ctx, dashboard_query(call));
                   return file_response(
                       exports::write_dashboard_xlsx(table),
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       std::string(exports::dashboard_title) + "_" + table.generated_on + ".xlsx");
               }}),
    };
}

}  // namespace shido::http
