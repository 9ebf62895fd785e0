// A company's accounts: who has access to its engagements; its owner invites and removes
// managers.
#include "http/api_routes.hpp"
#include "http/json_input.hpp"
#include "services/companies/member_views.hpp"

namespace shido::http {

std::vector<Route> company_member_routes(services::Services& s) {
    auto& members = s.members;
    using core::Anchor;
    using core::EngagementAction;
    return {
        {Method::get, "/api/v1/companies/{id}/members", on(Anchor::company, EngagementAction::view),
         [&members](ApiCall& call) {
             return ApiResponse{
                 200, services::to_json(members.list(call.ctx, call.engagement())), {}};
         }},
        {Method::post, "/api/v1/companies/{id}/members",
         on(Anchor::company, EngagementAction::manage_members),
         [&members](ApiCall& call) {
             BodyReader in(call.body);
             services::NewMember input{in.required_text("email"), in.required_text("name")};
             in.finish();
             return ApiResponse{
                 201,
                 services::member_json(members.invite(call.ctx, call.engagement(), input)),
                 {}};
         }},
        {Method::del, "/api/v1/companies/{id}/members/{user_id}",
         on(Anchor::company, EngagementAction::manage_members),
         [&members](ApiCall& call) {
             members.remove(call.ctx, call.engagement(), call.path_id("user_id"));
             return ApiResponse{204, std::nullopt, {}};
         }},
    };
}

}  // namespace shido::http
