#include <limits>

#include "core/error.hpp"
#include "http/api_routes.hpp"
#include "http/engagements/session_inputs.hpp"
#include "http/json_input.hpp"
#include "services/engagements/engagement_views.hpp"

namespace shido::http {

namespace {

services::EngagementInput engagement_input(const nlohmann::json& body) {
    BodyReader in(body);
    services::EngagementInput input;
    input.company_id = in.integer("company_id");
    input.expert_id = in.nullable_integer("expert_id");
    input.status = in.text("status");
    input.sessions = session_inputs(in);
    if (auto version = in.integer("version")) {
        if (*version < 1 || *version > std::numeric_limits<int>::max()) {
            in.fail("version", "version が正しくありません。");
        } else {
            input.version = static_cast<int>(*version);
        }
    }
    in.finish();
    return input;
}

services::EngagementFilter filter_of(const ApiCall& call) {
    services::EngagementFilter filter;
    filter.status = call.query_param("status");
    filter.company_name_contains = call.query_param("q").value_or("");
    filter.expert_id = call.query_id("expert_id");
    filter.sort = call.query_param("sort").value_or("");
    filter.page = call.page();
    return filter;
}

}  // namespace

std::vector<Route> engagement_routes(services::Services& s) {
    using core::Anchor;
    using core::EngagementAction;
    auto& engagements = s.engagements;
    return {
        {Method::get, "/api/v1/engagements", Access::authenticated,
         [&engagements](ApiCall& call) {
             return json_text_response(
                 200, services::engagement_page_json(engagements.list(call.ctx, filter_of(call))));
         }},
        {Method::post, "/api/v1/engagements", Access::secretariat,
         [&engagements](ApiCall& call) {
             return ApiResponse{
                 201,
                 services::to_json(engagements.create(call.ctx, engagement_input(call.body))),
                 {}};
         }},
        {Method::get, "/api/v1/engagements/{id}", on(Anchor::engagement, EngagementAction::view),
         [&engagements](ApiCall& call) {
             services::JsonWriter out;
             services::write(out, engagements.get(call.engagement()));
             return json_text_response(200, out.take());
         }},
        {Method::patch, "/api/v1/engagements/{id}",
         on(Anchor::engagement, EngagementAction::edit_plan),
         [&engagements](ApiCall& call) {
             return ApiResponse{200,
                                services::to_json(engagements.update(call.ctx, call.engagement(),
                                                                     engagement_input(call.body))),
                                {}};
         }},
    };
}

}  // namespace shido::http
