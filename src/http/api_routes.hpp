#pragma once
#include <vector>

#include "http/route.hpp"
#include "services/services.hpp"

namespace shido::http {

class Dispatcher;

// Every API route of the product, one list per domain (each in http/<domain>/). The list is
// the single source for the router, the generated access test and the OpenAPI coverage test
// (`shido routes`). A new domain adds its function here and to api_routes().
std::vector<Route> api_routes(services::Services& services, Dispatcher& dispatcher);

std::vector<Route> auth_routes(services::Services& services, Dispatcher& dispatcher);
std::vector<Route> account_link_routes(services::Services& services, Dispatcher& dispatcher);
std::vector<Route> two_factor_routes(services::Services& services, Dispatcher& dispatcher);
std::vector<Route> user_routes(services::Services& services);
std::vector<Route> company_routes(services::Services& services);
std::vector<Route> company_member_routes(services::Services& services);
std::vector<Route> audit_routes(services::Services& services);
std::vector<Route> engagement_routes(services::Services& services);
std::vector<Route> meta_routes(services::Services& services);
std::vector<Route> plan_routes(services::Services& services);
std::vector<Route> course_work_routes(services::Services& services);
std::vector<Route> report_routes(services::Services& services);
std::vector<Route> diagnosis_round_routes(services::Services& services);
std::vector<Route> diagnosis_respondent_routes(services::Services& services);
std::vector<Route> diagnosis_finding_routes(services::Services& services);
std::vector<Route> diagnosis_export_routes(services::Services& services);
std::vector<Route> answer_routes(services::Services& services);
std::vector<Route> calendar_routes(services::Services& services);
std::vector<Route> notification_routes(services::Services& services);
std::vector<Route> dashboard_routes(services::Services& services);
std::vector<Route> document_routes(services::Services& services);
std::vector<Route> hearing_routes(services::Services& services);
std::vector<Route> rules_check_routes(services::Services& services);
std::vector<Route> survey_routes(services::Services& services);
std::vector<Route> policy_routes(services::Services& services);
std::vector<Route> package_routes(services::Services& services);
std::vector<Route> security_action_routes(services::Services& services);
std::vector<Route> action_plan_routes(services::Services& services);
std::vector<Route> action_plan_file_routes(services::Services& services);
std::vector<Route> final_report_routes(services::Services& services);

}  // namespace shido::http
