// The course as it is run: preparation tasks, 依頼・調整事項, session records, and who outside
// the company opened its records.
#include "http/api_routes.hpp"
#include "http/course/course_bodies.hpp"
#include "http/json_input.hpp"
#include "services/course/course_work_views.hpp"
#include "services/engagements/engagement_views.hpp"

namespace shido::http {

std::vector<Route> course_work_routes(services::Services& s) {
    using core::Anchor;
    using core::EngagementAction;
    auto& tasks = s.tasks;
    auto& confirmations = s.confirmations;
    auto& records = s.session_records;
    auto& reads = s.record_reads;
    auto env = s.env;
    return {
        {Method::get, "/api/v1/engagements/{id}/tasks",
         on(Anchor::engagement, EngagementAction::view),
         [&tasks, env](ApiCall& call) {
             return ApiResponse{200, services::tasks_json(tasks.list(call.ctx, call.engagement()),
                                                          services::today(env))};
         }},
        {Method::post, "/api/v1/engagements/{id}/tasks",
         on(Anchor::engagement, EngagementAction::work_tasks),
         [&tasks, env](ApiCall& call) {
             auto task = tasks.add(call.ctx, call.engagement(), task_input_of(call.body));
             return ApiResponse{201, services::to_json(task, services::today(env))};
         }},
        {Method::patch, "/api/v1/engagements/{id}/tasks/{task_id}",
         on(Anchor::engagement, EngagementAction::work_tasks),
         [&tasks, env](ApiCall& call) {
             auto done = task_done_of(call.body);
             auto task = tasks.set_done(call.ctx, call.engagement(), call.path_id("task_id"), done);
             return ApiResponse{200, services::to_json(task, services::today(env))};
         }},
        {Method::get, "/api/v1/engagements/{id}/confirmations",
         on(Anchor::engagement, EngagementAction::view),
         [&confirmations](ApiCall& call) {
             return ApiResponse{200, services::to_json(confirmations.get(call.engagement()))};
         }},
        {Method::put, "/api/v1/engagements/{id}/confirmations",
         on(Anchor::engagement, EngagementAction::confirm_arrangements),
         [&confirmations](ApiCall& call) {
             auto saved =
                 confirmations.save(call.ctx, call.engagement(), arrangements_of(call.body));
             return ApiResponse{200, services::to_json(saved)};
         }},
        {Method::post, "/api/v1/engagements/{id}/confirmations/information-handling",
         on(Anchor::engagement, EngagementAction::acknowledge_handling),
         [&confirmations](ApiCall& call) {
             BodyReader in(call.body);
             auto statement = in.integer("statement_version");
             auto version = in.integer("version");
             in.finish();
             auto narrow = [](std::optional<long long> v) -> std::optional<int> {
                 if (!v || *v < 0 || *v > 1'000'000) return std::nullopt;
                 return static_cast<int>(*v);
             };
             auto saved = confirmations.acknowledge(call.ctx, call.engagement(), narrow(statement),
                                                    narrow(version));
             return ApiResponse{200, services::to_json(saved)};
         }},
        {Method::get, "/api/v1/engagements/{id}/sessions/{no}/record",
         on(Anchor::engagement, EngagementAction::view_records),
         [&records, env](ApiCall& call) {
             auto view = records.get(call.engagement(), session_no_of(call));
             return ApiResponse{200, services::to_json(view, services::today(env))};
         }},
        {Method::put, "/api/v1/engagements/{id}/sessions/{no}/record",
         on(Anchor::engagement, EngagementAction::write_records),
         [&records, env](ApiCall& call) {
             auto view = records.save(call.ctx, call.engagement(), session_no_of(call),
                                      record_input_of(call.body));
             return ApiResponse{200, services::to_json(view, services::today(env))};
         }},
        {Method::put, "/api/v1/engagements/{id}/sessions/{no}/held",
         on(Anchor::engagement, EngagementAction::write_records),
         [&records, env](ApiCall& call) {
             BodyReader in(call.body);
             auto held = in.nullable_text("held_on");
             if (!held) in.fail("held_on", "実施日（YYYY-MM-DD）か null を指定してください。");
             in.finish();
             auto view = records.hold(call.ctx, call.engagement(), session_no_of(call), *held);
             return ApiResponse{200, services::to_json(view, services::today(env))};
         }},
        {Method::post, "/api/v1/engagements/{id}/sessions/{no}/move",
         on(Anchor::engagement, EngagementAction::edit_plan),
         [&records](ApiCall& call) {
             BodyReader in(call.body);
             auto date = in.required_text("date");
             auto reason = in.text("reason").value_or("");
             in.finish();
             auto moved =
                 records.move(call.ctx, call.engagement(), session_no_of(call), date, reason);
             return ApiResponse{200, services::to_json(moved)};
         }},
        {Method::get, "/api/v1/engagements/{id}/record-reads",
         on(Anchor::engagement, EngagementAction::view_record_reads),
         [&reads](ApiCall& call) {
             return ApiResponse{200, services::to_json(reads.list(call.engagement(), call.page()))};
         }},
    };
}

}  // namespace shido::http
