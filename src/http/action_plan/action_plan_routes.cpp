// 【様式3】対策実行計画書: the plan (expert and company), its whole-sheet save and preview, the
// build from the key findings and 様式2, the owner's approval and the submission the
// secretariat reads.
#include "http/action_plan/action_plan_bodies.hpp"
#include "http/api_routes.hpp"
#include "services/action_plan/action_plan_views.hpp"

namespace shido::http {

std::vector<Route> action_plan_routes(services::Services& s) {
    using core::Anchor;
    using core::EngagementAction;
    auto& plan = s.action_plan;
    const std::string base = "/api/v1/engagements/{id}/action-plan";
    return {
        {Method::get, base, on(Anchor::engagement, EngagementAction::view_documents),
         [&plan](ApiCall& call) {
             return ApiResponse{200, services::to_json(plan.get(call.engagement()))};
         }},
        {Method::put, base, on(Anchor::engagement, EngagementAction::edit_documents),
         [&plan](ApiCall& call) {
             auto [version, measures] = action_plan_sheet_of(call.body, plan.rules());
             auto view = plan.save(call.ctx, call.engagement(), version, std::move(measures));
             return ApiResponse{200, services::to_json(view)};
         }},
        {Method::post, base + "/preview", on(Anchor::engagement, EngagementAction::edit_documents),
         [&plan](ApiCall& call) {
             auto [version, measures] = action_plan_sheet_of(call.body, plan.rules());
             return ApiResponse{200, services::to_json(plan.preview(call.engagement(), measures))};
         }},
        {Method::post, base + "/build", on(Anchor::engagement, EngagementAction::edit_documents),
         [&plan](ApiCall& call) {
             auto built =
                 plan.build(call.ctx, call.engagement(), action_plan_version_of(call.body));
             return ApiResponse{200, services::to_json(built)};
         }},
        {Method::post, base + "/approve",
         on(Anchor::engagement, EngagementAction::approve_documents),
         [&plan](ApiCall& call) {
             auto view =
                 plan.approve(call.ctx, call.engagement(), action_plan_version_of(call.body));
             return ApiResponse{200, services::to_json(view)};
         }},
        {Method::post, base + "/submit", on(Anchor::engagement, EngagementAction::submit_documents),
         [&plan](ApiCall& call) {
             auto view =
                 plan.submit(call.ctx, call.engagement(), action_plan_version_of(call.body));
             return ApiResponse{200, services::to_json(view)};
         }},
        {Method::get, base + "/submitted",
         on(Anchor::engagement, EngagementAction::view_submitted_documents),
         [&plan](ApiCall& call) {
             return ApiResponse{200, plan.submitted(call.engagement())};
         }},
    };
}

}  // namespace shido::http
