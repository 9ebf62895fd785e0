#include <algorithm>
#include <limits>

#include "core/error.hpp"
#include "http/api_routes.hpp"
#include "http/json_input.hpp"
#include "services/views.hpp"

namespace shido::http {

namespace {

template <typename T>
nlohmann::json items(const std::vector<T>& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : list) out.push_back(services::to_json(item));
    return {{"items", std::move(out)}};
}

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

std::optional<core::Role> role_filter(const ApiCall& call) {
    auto text = call.query_param("role");
    if (!text || text->empty()) return std::nullopt;
    auto role = core::parse_role(*text);
    if (!role)
        throw core::DomainError(core::ErrorCode::validation, "役割の指定が正しくありません。",
                                {{"role", "secretariat・expert・company のいずれかです。"}});
    return role;
}

services::NewUser new_user(const nlohmann::json& body) {
    BodyReader in(body);
    services::NewUser user;
    user.email = in.required_text("email");
    user.name = in.required_text("name");
    user.role = in.required_text("role");
    user.password = in.required_text("password");
    user.company_id = in.integer("company_id");
    user.company_role = in.text("company_role");
    in.finish();
    return user;
}

}  // namespace

std::vector<Route> admin_routes(services::Services& s) {
    return {
        {Method::get, "/api/v1/users", Access::secretariat,
         [&s](ApiCall& call) {
             return ApiResponse{200, items(s.users.list(call.ctx, role_filter(call))), {}};
         }},
        {Method::post, "/api/v1/users", Access::secretariat,
         [&s](ApiCall& call) {
             return ApiResponse{
                 201, services::to_json(s.users.create(call.ctx, new_user(call.body))), {}};
         }},
        {Method::get, "/api/v1/companies", Access::authenticated,
         [&s](ApiCall& call) {
             return ApiResponse{200, items(s.companies.list(call.ctx)), {}};
         }},
        {Method::post, "/api/v1/companies", Access::secretariat,
         [&s](ApiCall& call) {
             return ApiResponse{
                 201,
                 services::to_json(s.companies.create(call.ctx, company_input(call.body))),
                 {}};
         }},
        {Method::get, "/api/v1/companies/{id}", Access::authenticated,
         [&s](ApiCall& call) {
             return ApiResponse{
                 200, services::to_json(s.companies.get(call.ctx, call.path_id())), {}};
         }},
        {Method::patch, "/api/v1/companies/{id}", Access::secretariat,
         [&s](ApiCall& call) {
             auto id = call.path_id();
             return ApiResponse{
                 200,
                 services::to_json(s.companies.update(call.ctx, id, company_input(call.body))),
                 {}};
         }},
        {Method::get, "/api/v1/audit", Access::secretariat,
         [&s](ApiCall& call) {
             storage::AuditQuery q;
             q.entity = call.query_param("entity").value_or("");
             q.entity_id = call.query_id("entity_id");
             q.engagement_id = call.query_id("engagement_id");
             return ApiResponse{200, items(s.audit.list(call.ctx, q)), {}};
         }},
    };
}

}  // namespace shido::http
