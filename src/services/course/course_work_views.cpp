#include "services/course/course_work_views.hpp"

#include "core/clock.hpp"
#include "services/json_helpers.hpp"
#include "storage/course/record_json.hpp"

namespace shido::services {

namespace {

nlohmann::json stamp_json(const std::optional<core::Stamp>& s) {
    if (!s) return nullptr;
    return {{"by_id", s->by}, {"by_name", s->by_name}, {"at", core::format_iso8601(s->at)}};
}

nlohmann::json time_json(core::Timestamp t) {
    return t ? nlohmann::json(core::format_iso8601(t)) : nlohmann::json(nullptr);
}

std::string_view key(core::TaskSide side) {
    return core::key_in(core::task_sides(), side);
}

nlohmann::json record_json(const core::SessionRecord& r) {
    auto j = storage::to_json(r);
    j["version"] = r.version;
    j["updated_by_name"] = nullable(r.updated_by_name);
    j["updated_at"] = time_json(r.updated_at);
    return j;
}

}  // namespace

nlohmann::json to_json(const core::Task& t, std::string_view today) {
    return {{"id", t.id},
            {"session_no", t.session_no},
            {"side", key(t.side)},
            {"title", t.title},
            {"origin", core::key_in(core::task_origins(), t.origin)},
            {"requested_in", nullable(t.requested_in)},
            {"due_date", nullable(t.due_date)},
            {"done", t.done_at.has_value()},
            {"done_at", t.done_at ? nlohmann::json(core::format_iso8601(*t.done_at)) : nullptr},
            {"done_by_name", nullable(t.done_by_name)},
            {"overdue", core::is_overdue(t, today)},
            {"due_soon", core::is_due_soon(t, today, due_soon_days)}};
}

nlohmann::json tasks_json(const std::vector<core::Task>& tasks, std::string_view today) {
    nlohmann::json items = nlohmann::json::array();
    int overdue = 0;
    for (const auto& t : tasks) {
        items.push_back(to_json(t, today));
        if (core::is_overdue(t, today)) ++overdue;
    }
    return {{"items", items}, {"overdue", overdue}, {"today", today}};
}

nlohmann::json snapshot(const core::Task& t) {
    return {{"id", t.id},
            {"session_no", t.session_no},
            {"side", key(t.side)},
            {"title", t.title},
            {"origin", core::key_in(core::task_origins(), t.origin)},
            {"requested_in", nullable(t.requested_in)},
            {"due_date", nullable(t.due_date)},
            {"done_at", nullable(t.done_at)},
            {"done_by", nullable(t.done_by)}};
}

nlohmann::json to_json(const ConfirmationsView& view) {
    const auto& c = view.confirmations;
    nlohmann::json people = nlohmann::json::array();
    for (const auto& p : c.participants)
        people.push_back({{"name", p.name},
                          {"title", p.title},
                          {"kind", core::to_string(p.kind)},
                          {"recorded_by_name", nullable(p.recorded_by_name)},
                          {"recorded_at", time_json(p.recorded_at)}});
    nlohmann::json missing = nlohmann::json::array();
    for (auto kind : core::missing_participant_kinds(c.participants))
        missing.push_back(core::to_string(kind));
    bool current = c.info_handling_version &&
                   *c.info_handling_version == view.course->information_handling_version;
    return {{"participants", people},
            {"missing_kinds", missing},
            {"meeting_room", c.meeting_room},
            {"projector", c.projector},
            {"web_experience", c.web_experience},
            {"web_tool", c.web_tool},
            {"special_request", c.special_request},
            {"arrangements", stamp_json(c.arrangements)},
            {"information_handling",
             {{"version", view.course->information_handling_version},
              {"points", view.course->information_handling},
              {"acknowledged", stamp_json(current ? c.info_handling : std::nullopt)},
              {"acknowledged_version", nullable(c.info_handling_version)}}},
            {"version", c.version}};
}

nlohmann::json snapshot(const core::Confirmations& c) {
    nlohmann::json people = nlohmann::json::array();
    for (const auto& p : c.participants)
        people.push_back({{"name", p.name}, {"title", p.title}, {"kind", core::to_string(p.kind)}});
    return {{"participants", people},
            {"meeting_room", c.meeting_room},
            {"projector", c.projector},
            {"web_experience", c.web_experience},
            {"web_tool", c.web_tool},
            {"special_request", c.special_request},
            {"info_handling_version", nullable(c.info_handling_version)},
            {"info_handling_by", c.info_handling ? nlohmann::json(c.info_handling->by) : nullptr},
            {"version", c.version}};
}

nlohmann::json to_json(const SessionRecordView& view, std::string_view today) {
    nlohmann::json previous = nullptr;
    if (view.previous) previous = {{"decisions", view.previous->decisions}};
    nlohmann::json moves = nlohmann::json::array();
    for (const auto& m : view.moves)
        moves.push_back({{"from_date", nullable(m.from_date)},
                         {"to_date", m.to_date},
                         {"reason", m.reason},
                         {"moved_by_name", m.moved_by_name},
                         {"moved_at", core::format_iso8601(m.moved_at)}});
    return {{"session_no", view.session->no},
            {"title", view.session->title},
            {"theme", view.session->theme},
            {"session_count", view.session_count},
            {"planned_date", nullable(view.plan.planned_date)},
            {"held_on", nullable(view.plan.held_on)},
            {"record", record_json(view.record)},
            {"previous", previous},
            {"open_requests", tasks_json(view.open_requests, today)["items"]},
            {"requests_made", tasks_json(view.requests_made, today)["items"]},
            {"moves", moves}};
}

nlohmann::json snapshot(const core::SessionRecord& r) {
    auto j = storage::to_json(r);
    j["session_no"] = r.session_no;
    j["version"] = r.version;
    return j;
}

nlohmann::json to_json(const core::ReportBody& body) {
    return storage::to_json(body);
}

nlohmann::json to_json(const ReportView& view) {
    nlohmann::json report = nullptr;
    if (view.report) {
        const auto& r = *view.report;
        nlohmann::json steps = nlohmann::json::array();
        for (const auto& s : r.steps)
            steps.push_back({{"from", core::key_in(core::report_states(), s.from)},
                             {"to", core::key_in(core::report_states(), s.to)},
                             {"actor_name", s.actor_name},
                             {"comment", s.comment},
                             {"at", core::format_iso8601(s.at)}});
        nlohmann::json submitted = nullptr;
        if (r.submitted) submitted = storage::to_json(*r.submitted);
        report = {{"id", r.id},
                  {"state", core::key_in(core::report_states(), r.state)},
                  {"body", view.working_copy ? storage::to_json(r.body) : nlohmann::json(nullptr)},
                  {"submitted", submitted},
                  {"version", r.version},
                  {"steps", steps},
                  {"updated_at", core::format_iso8601(r.updated_at)}};
    }
    return {{"session_no", view.session->no},
            {"title", view.session->title},
            {"working_copy", view.working_copy},
            {"report", report},
            {"draft", view.draft ? storage::to_json(*view.draft) : nlohmann::json(nullptr)}};
}

nlohmann::json snapshot(const core::SessionReport& r) {
    return {{"id", r.id},
            {"session_no", r.session_no},
            {"state", core::key_in(core::report_states(), r.state)},
            {"body", storage::to_json(r.body)},
            {"submitted", r.submitted ? storage::to_json(*r.submitted) : nlohmann::json(nullptr)},
            {"version", r.version}};
}

nlohmann::json to_json(const core::Page<storage::RecordRead>& page) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : page.items)
        items.push_back({{"id", r.id},
                         {"at", core::format_iso8601(r.at)},
                         {"reader_name", r.reader_name},
                         {"reader_role", r.reader_role},
                         {"record", r.record},
                         {"path", r.path}});
    return {{"items", items}, {"total", page.total}, {"next_after", nullable(page.next_after)}};
}

}  // namespace shido::services
