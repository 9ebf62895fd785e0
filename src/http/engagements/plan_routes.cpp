// Session planning: proposals from a start date and the course's warnings for given dates.
// Neither stores anything; the plan is saved with PATCH /engagements/{id}.
#include "http/api_routes.hpp"
#include "http/engagements/session_inputs.hpp"
#include "http/json_input.hpp"
#include "services/course/course_views.hpp"

namespace shido::http {

std::vector<Route> plan_routes(services::Services& s) {
    using core::Anchor;
    using core::EngagementAction;
    auto& planning = s.planning;
    return {
        {Method::post, "/api/v1/engagements/{id}/plan/proposal",
         on(Anchor::engagement, EngagementAction::edit_plan),
         [&planning](ApiCall& call) {
             BodyReader in(call.body);
             auto start = in.required_text("start_date");
             in.finish();
             return ApiResponse{
                 200, services::to_json(planning.propose(call.engagement(), start)), {}};
         }},
        {Method::post, "/api/v1/engagements/{id}/plan/check",
         on(Anchor::engagement, EngagementAction::edit_plan),
         [&planning](ApiCall& call) {
             BodyReader in(call.body);
             auto sessions = session_inputs(in);
             in.finish();
             return ApiResponse{
                 200, services::to_json(planning.check(call.engagement(), sessions)), {}};
         }},
    };
}

}  // namespace shido::http
