// アンケート: the owner answers and submits it; only the secretariat reads the answers, one
// engagement at a time or aggregated over all of them (the expert sees only its status).
#include "http/api_routes.hpp"
#include "http/survey/survey_bodies.hpp"
#include "services/survey/survey_views.hpp"

namespace shido::http {

std::vector<Route> survey_routes(services::Services& s) {
    using core::Anchor;
    using core::EngagementAction;
    auto& survey = s.survey;
    const std::string base = "/api/v1/engagements/{id}/survey";
    return {
        {Method::get, base, on(Anchor::engagement, EngagementAction::answer_survey),
         [&survey](ApiCall& call) {
             return ApiResponse{200, services::to_json(survey.get(call.engagement()))};
         }},
        {Method::put, base, on(Anchor::engagement, EngagementAction::answer_survey),
         [&survey](ApiCall& call) {
             auto [input, version] = survey_input_of(call.body);
             auto view = survey.save(call.ctx, call.engagement(), input, version);
             return ApiResponse{200, services::to_json(view)};
         }},
        {Method::post, base + "/submit", on(Anchor::engagement, EngagementAction::answer_survey),
         [&survey](ApiCall& call) {
             auto view = survey.submit(call.ctx, call.engagement(), survey_version_of(call.body));
             return ApiResponse{200, services::to_json(view)};
         }},
        {Method::get, base + "/response",
         on(Anchor::engagement, EngagementAction::view_survey_results),
         [&survey](ApiCall& call) {
             return ApiResponse{200, services::to_json(survey.response(call.engagement()))};
         }},
        {Method::get, "/api/v1/survey/results", Access::secretariat,
         [&survey](ApiCall& call) {
             services::SurveyResultsQuery q;
             q.expert_id = call.query_param("expert_id");
             q.from = call.query_param("from");
             q.to = call.query_param("to");
             return ApiResponse{200, services::to_json(survey.results(call.ctx, q))};
         }},
    };
}

}  // namespace shido::http
