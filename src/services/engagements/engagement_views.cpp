#include "services/engagements/engagement_views.hpp"

#include "core/clock.hpp"
#include "core/course/session_progress.hpp"
#include "services/json_helpers.hpp"

namespace shido::services {

void write(JsonWriter& out, const core::Engagement& e) {
    out.begin_object();
    out.key("id").value(e.id);
    out.key("company_id").value(e.company_id);
    out.key("company_name").value(e.company_name);
    out.key("expert_id").value(e.expert_id);
    out.key("expert_name").value(e.expert_name);
    out.key("status").value(core::to_string(e.status));
    out.key("version").value(e.version);
    out.key("course_id").value(e.course_id);
    out.key("course_version").value(e.course_version);
    out.key("sessions").begin_array();
    for (const auto& s : e.sessions) {
        std::optional<std::string_view> mode;
        if (s.mode) mode = core::to_string(*s.mode);
        out.begin_object().key("no").value(s.no).key("planned_date").value(s.planned_date);
        out.key("start_time").value(s.start_time).key("end_time").value(s.end_time);
        out.key("mode").value(mode).key("meeting_tool").value(s.meeting_tool);
        out.key("meeting_url").value(s.meeting_url).key("place").value(s.place);
        out.key("held_on").value(s.held_on);
        std::optional<std::string_view> report;
        if (s.report_state) report = core::key_in(core::report_states(), *s.report_state);
        out.key("report_state").value(report);
        out.key("progress")
            .value(core::key_in(core::session_progresses(),
                                core::progress_of(s.planned_date, s.held_on, s.report_state)));
        out.end_object();
    }
    out.end_array();
    out.key("created_at").value(core::format_iso8601(e.created_at));
    out.key("updated_at").value(core::format_iso8601(e.updated_at));
    out.end_object();
}

std::string engagement_page_json(const core::Page<core::Engagement>& page) {
    JsonWriter out;
    out.reserve(128 + page.items.size() * 400);
    out.begin_object().key("items").begin_array();
    for (const auto& e : page.items) write(out, e);
    out.end_array();
    out.key("total").value(page.total);
    out.key("next_after").value(page.next_after);
    out.end_object();
    return out.take();
}

nlohmann::json to_json(const core::Engagement& e) {
    JsonWriter out;
    write(out, e);
    return nlohmann::json::parse(out.text());
}

nlohmann::json snapshot(const core::Engagement& e) {
    nlohmann::json sessions = nlohmann::json::array();
    for (const auto& s : e.sessions)
        sessions.push_back(
            {{"no", s.no},
             {"planned_date", nullable(s.planned_date)},
             {"start_time", nullable(s.start_time)},
             {"end_time", nullable(s.end_time)},
             {"mode", s.mode ? nlohmann::json(core::to_string(*s.mode)) : nlohmann::json(nullptr)},
             {"meeting_tool", nullable(s.meeting_tool)},
             {"meeting_url", nullable(s.meeting_url)},
             {"place", nullable(s.place)},
             {"held_on", nullable(s.held_on)}});
    return {{"id", e.id},
            {"company_id", e.company_id},
            {"expert_id", nullable(e.expert_id)},
            {"status", core::to_string(e.status)},
            {"version", e.version},
            {"course_id", e.course_id},
            {"course_version", e.course_version},
            {"sessions", std::move(sessions)},
            {"created_at", e.created_at},
            {"updated_at", e.updated_at}};
}

}  // namespace shido::services
