#include "http/api_routes.hpp"

namespace shido::http {

std::vector<Route> api_routes(services::Services& services, Dispatcher& dispatcher) {
    std::vector<Route> all;
    for (auto part : {auth_routes(services, dispatcher),
                      account_link_routes(services, dispatcher),
                      two_factor_routes(services, dispatcher),
                      user_routes(services),
                      company_routes(services),
                      company_member_routes(services),
                      audit_routes(services),
                      engagement_routes(services),
                      meta_routes(services),
                      plan_routes(services),
                      course_work_routes(services),
                      report_routes(services),
                      diagnosis_round_routes(services),
                      diagnosis_respondent_routes(services),
                      diagnosis_finding_routes(services),
                      diagnosis_export_routes(services),
                      answer_routes(services),
                      calendar_routes(services),
                      notification_routes(services),
                      dashboard_routes(services),
                      document_routes(services),
                      hearing_routes(services),
                      rules_check_routes(services),
                      policy_routes(services),
                      package_routes(services),
                      security_action_routes(services),
                      action_plan_routes(services),
                      action_plan_file_routes(services),
                      survey_routes(services),
                      final_report_routes(services)}) {
        for (auto& route : part) all.push_back(std::move(route));
    }
    return all;
}

}  // namespace shido::http
