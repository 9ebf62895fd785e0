// Companies (企業): the secretariat registers and edits them; others see those they work with.
#include <algorithm>
#include <limits>

#include "http/api_routes.hpp"
#include "http/json_input.hpp"
#include "services/companies/company_views.hpp"
#include "services/json_helpers.hpp"

namespace shido::http {

namespace {

services::CompanyInput company_input(const nlohmann::json& body) {
    BodyReader in(body);
    services::CompanyInput input;
    input.name = in.text("name");
    input.industry = in.text("industry");
    input.address = in.text("address");
    input.website = in.text("website");
    input.representative_title = in.text("representative_title");
    input.representative_name = in.text("representative_name");
    // Only the type is checked here; the range is the service's rule, so that a body with
    // several wrong fields gets every message at once.
    if (auto count = in.nullable_integer("employee_count")) {
        input.employee_count =
            *count
                ? std::optional<int>(static_cast<int>(std::clamp<long long>(
                      **count, std::numeric_limits<int>::min(), std::numeric_limits<int>::max())))
                : std::nullopt;
    }
    in.finish();
    return input;
}

}  // namespace

std::vector<Route> company_routes(services::Services& s) {
    auto& companies = s.companies;
    return {
        {Method::get, "/api/v1/companies", Access::authenticated,
         [&companies](ApiCall& call) {
             auto page = companies.list(call.ctx, call.query_param("q").value_or(""), call.page());
             return ApiResponse{
                 200,
                 services::page_json(page,
                                     [](const core::Company& c) { return services::to_json(c); }),
                 {}};
         }},
        {Method::post, "/api/v1/companies", Access::secretariat,
         [&companies](ApiCall& call) {
             return ApiResponse{
                 201, services::to_json(companies.create(call.ctx, company_input(call.body))), {}};
         }},
        {Method::get, "/api/v1/companies/{id}",
         on(core::Anchor::company, core::EngagementAction::view),
         [&companies](ApiCall& call) {
             return ApiResponse{200, services::to_json(companies.get(call.engagement())), {}};
         }},
        {Method::patch, "/api/v1/companies/{id}", Access::secretariat,
         [&companies](ApiCall& call) {
             auto id = call.path_id();
             return ApiResponse{
                 200,
                 services::to_json(companies.update(call.ctx, id, company_input(call.body))),
                 {}};
         }},
    };
}

}  // namespace shido::http
