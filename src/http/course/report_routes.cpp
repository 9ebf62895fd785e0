// 実施報告: the expert's working copy, the draft from the session record, submission, the
// secretariat's review, and the PDF people file.
#include "exports/course/session_report_pdf.hpp"
#include "http/api_routes.hpp"
#include "http/course/course_bodies.hpp"
#include "http/diagnosis/diagnosis_bodies.hpp"
#include "services/course/course_work_views.hpp"

namespace shido::http {

std::vector<Route> report_routes(services::Services& s) {
    using core::Anchor;
    using core::EngagementAction;
    auto& reports = s.reports;
    const std::string base = "/api/v1/engagements/{id}/sessions/{no}/report";
    auto review = [&reports](core::ReportEvent event) {
        return [&reports, event](ApiCall& call) {
            auto [version, comment] = review_input_of(call.body);
            auto view = reports.review(call.ctx, call.engagement(), session_no_of(call), event,
                                       comment, version);
            return ApiResponse{200, services::to_json(view)};
        };
    };
    return {
        {Method::get, base, on(Anchor::engagement, EngagementAction::view_reports),
         [&reports](ApiCall& call) {
             return ApiResponse{200, services::to_json(reports.get(call.ctx, call.engagement(),
                                                                   session_no_of(call)))};
         }},
        {Method::put, base, on(Anchor::engagement, EngagementAction::write_records),
         [&reports](ApiCall& call) {
             auto [body, version] = report_input_of(call.body);
             auto view =
                 reports.save(call.ctx, call.engagement(), session_no_of(call), body, version);
             return ApiResponse{200, services::to_json(view)};
         }},
        {Method::post, base + "/draft", on(Anchor::engagement, EngagementAction::write_records),
         [&reports](ApiCall& call) {
             return ApiResponse{
                 200, services::to_json(reports.draft(call.engagement(), session_no_of(call)))};
         }},
        {Method::post, base + "/submit", on(Anchor::engagement, EngagementAction::write_records),
         [&reports](ApiCall& call) {
             auto [version, comment] = review_input_of(call.body);
             auto view = reports.submit(call.ctx, call.engagement(), session_no_of(call), version);
             return ApiResponse{200, services::to_json(view)};
         }},
        {Method::post, base + "/return", on(Anchor::engagement, EngagementAction::review_reports),
         review(core::ReportEvent::return_to_expert)},
        {Method::post, base + "/accept", on(Anchor::engagement, EngagementAction::review_reports),
         review(core::ReportEvent::accept)},
        heavy({Method::get, base + ".pdf", on(Anchor::engagement, EngagementAction::view_reports),
               [&reports](ApiCall& call) {
                   auto view = reports.get(call.ctx, call.engagement(), session_no_of(call));
                   auto document = services::report_document(view);
                   return file_response(exports::render_session_report_pdf(document),
                                        "application/pdf",
                                        safe_file_part(document.company_name + "_実施報告_" +
                                                       document.session_title) +
                                            ".pdf");
               }}),
    };
}

}  // namespace shido::http
