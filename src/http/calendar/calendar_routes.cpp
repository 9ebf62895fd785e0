// Calendars: one session's .ics, and the private subscription URL per user that calendar
// programs poll (the token in the path is the credential, as for answer links).
#include "exports/calendar/session_ics.hpp"
#include "http/api_routes.hpp"
#include "http/json_input.hpp"
#include "services/calendar/calendar_views.hpp"

namespace shido::http {

namespace {
constexpr const char* calendar_type = "text/calendar; charset=utf-8";

// Nothing is read from the body; a sent one must be an empty object.
void no_fields(const nlohmann::json& body) {
    if (body.is_null()) return;
    BodyReader in(body);
    in.finish();
}
}  // namespace

std::vector<Route> calendar_routes(services::Services& s) {
    using core::Anchor;
    using core::EngagementAction;
    auto& calendar = s.calendar;
    return {
        {Method::get, "/api/v1/engagements/{id}/sessions/{no}/calendar.ics",
         on(Anchor::engagement, EngagementAction::view),
         [&calendar](ApiCall& call) {
             auto session = calendar.session_calendar(
                 call.engagement(), static_cast<int>(call.path_id("no")), call.base_url);
             return file_response(exports::write_ics(session.calendar), calendar_type,
                                  session.file_name);
         }},
        {Method::get, "/api/v1/me/calendar-feed", Access::authenticated,
         [&calendar](ApiCall& call) {
             return ApiResponse{200, services::to_json(calendar.feed_status(call.ctx)), {}};
         }},
        {Method::post, "/api/v1/me/calendar-feed", Access::authenticated,
         [&calendar](ApiCall& call) {
             no_fields(call.body);
             return ApiResponse{
                 201, services::to_json(calendar.issue_feed(call.ctx, call.base_url)), {}};
         }},
        {Method::del, "/api/v1/me/calendar-feed", Access::authenticated,
         [&calendar](ApiCall& call) {
             calendar.revoke_feed(call.ctx);
             return ApiResponse{204, std::nullopt, {}};
         }},
        // Polled by calendar programs without a session; read on the worker pool (a feed reads
        // every engagement its user may view, a page at a time).
        heavy({Method::get, "/api/v1/calendar-feeds/{token}/calendar.ics", Access::public_route,
               [&calendar](ApiCall& call) {
                   auto feed = calendar.feed(call.path.at("token"), call.base_url);
                   return file_response(exports::write_ics(feed), calendar_type, "shido.ics");
               }}),
    };
}

}  // namespace shido::http
