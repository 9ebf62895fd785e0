// Session planning: proposals from a start date and the course's warnings for given dates.
// Neither stores anything; the plan is saved with PATCH /engagements/{id}.
#include "http/api_routes.hpp"
#include "http/engagements/session_inputs.hpp"
#include "http/json_input.hpp"

namespace shido::http {

namespace {

nlohmann::json plan_json(const services::PlanCheck& check) {
    nlohmann::json sessions = nlohmann::json::array();
    for (std::size_t i = 0; i < check.course->sessions.size(); ++i) {
        const auto& date = check.dates[i];
        sessions.push_back({{"no", check.course->sessions[i].no},
                            {"title", check.course->sessions[i].title},
                            {"planned_date", date ? nlohmann::json(core::to_string(*date))
                                                  : nlohmann::json(nullptr)}});
    }
    nlohmann::json warnings = nlohmann::json::array();
    for (const auto& w : check.warnings)
        warnings.push_back({{"kind", core::to_string(w.kind)},
                            {"session_no", w.session_no},
                            {"message", w.message}});
    return {{"sessions", std::move(sessions)},
            {"warnings", std::move(warnings)},
            {"problem", check.problem ? nlohmann::json(*check.problem) : nlohmann::json(nullptr)}};
}

}  // namespace

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
             return ApiResponse{200, plan_json(planning.propose(call.engagement(), start)), {}};
         }},
        {Method::post, "/api/v1/engagements/{id}/plan/check",
         on(Anchor::engagement, EngagementAction::edit_plan),
         [&planning](ApiCall& call) {
             BodyReader in(call.body);
             auto sessions = session_inputs(in);
             in.finish();
             return ApiResponse{200, plan_json(planning.check(call.engagement(), sessions)), {}};
         }},
    };
}

}  // namespace shido::http
