#include "storage/course/record_json.hpp"

namespace shido::storage {

namespace {

nlohmann::json optional_text(const std::optional<std::string>& text) {
    return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

std::optional<std::string> text_or_null(const nlohmann::json& j, const char* key) {
    if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
    return j.at(key).get<std::string>();
}

}  // namespace

nlohmann::json to_json(const core::Attendee& a) {
    return {{"name", a.name},
            {"title", a.title},
            {"side", std::string(core::key_in(core::task_sides(), a.side))}};
}

nlohmann::json to_json(const core::AgendaEntry& e) {
    return {{"title", e.title},
            {"planned_minutes",
             e.planned_minutes ? nlohmann::json(*e.planned_minutes) : nlohmann::json(nullptr)},
            {"actual_start", optional_text(e.actual_start)},
            {"actual_end", optional_text(e.actual_end)},
            {"notes", e.notes}};
}

nlohmann::json to_json(const core::ReportBody& b) {
    nlohmann::json deliverables = nlohmann::json::array();
    for (const auto& d : b.deliverables)
        deliverables.push_back(
            {{"name", d.name},
             {"state", std::string(core::key_in(core::deliverable_states(), d.state))},
             {"note", d.note}});
    return {{"held_on", optional_text(b.held_on)},
            {"start_time", optional_text(b.start_time)},
            {"end_time", optional_text(b.end_time)},
            {"mode", optional_text(b.mode)},
            {"place", b.place},
            {"attendees", b.attendees},
            {"activities", b.activities},
            {"deliverables", deliverables},
            {"next_steps", b.next_steps},
            {"requests", b.requests},
            {"remarks", b.remarks},
            {"include_record", b.include_record}};
}

nlohmann::json to_json(const core::SessionRecord& r) {
    nlohmann::json attendees = nlohmann::json::array(), agenda = nlohmann::json::array();
    for (const auto& a : r.attendees) attendees.push_back(to_json(a));
    for (const auto& e : r.agenda) agenda.push_back(to_json(e));
    return {{"attendees", attendees}, {"agenda", agenda}, {"decisions", r.decisions}};
}

nlohmann::json to_json(const core::SubmittedReport& s) {
    nlohmann::json record = nullptr;
    if (s.record) {
        record = to_json(*s.record);
        record["session_no"] = s.record->session_no;
    }
    return {{"body", to_json(s.body)}, {"record", record}};
}

std::vector<core::Attendee> attendees_from_json(const nlohmann::json& j) {
    std::vector<core::Attendee> out;
    for (const auto& a : j) {
        core::Attendee attendee;
        attendee.name = a.at("name").get<std::string>();
        attendee.title = a.at("title").get<std::string>();
        attendee.side = core::parse_in(core::task_sides(), a.at("side").get<std::string>())
                            .value_or(core::TaskSide::company);
        out.push_back(std::move(attendee));
    }
    return out;
}

std::vector<core::AgendaEntry> agenda_from_json(const nlohmann::json& j) {
    std::vector<core::AgendaEntry> out;
    for (const auto& e : j) {
        core::AgendaEntry entry;
        entry.title = e.at("title").get<std::string>();
        if (!e.at("planned_minutes").is_null())
            entry.planned_minutes = e.at("planned_minutes").get<int>();
        entry.actual_start = text_or_null(e, "actual_start");
        entry.actual_end = text_or_null(e, "actual_end");
        entry.notes = e.at("notes").get<std::string>();
        out.push_back(std::move(entry));
    }
    return out;
}

core::ReportBody report_body_from_json(const nlohmann::json& j) {
    core::ReportBody b;
    b.held_on = text_or_null(j, "held_on");
    b.start_time = text_or_null(j, "start_time");
    b.end_time = text_or_null(j, "end_time");
    b.mode = text_or_null(j, "mode");
    b.place = j.at("place").get<std::string>();
    b.attendees = j.at("attendees").get<std::string>();
    b.activities = j.at("activities").get<std::string>();
    for (const auto& d : j.at("deliverables")) {
        core::DeliverableLine line;
        line.name = d.at("name").get<std::string>();
        line.state = core::parse_in(core::deliverable_states(), d.at("state").get<std::string>())
                         .value_or(core::DeliverableState::not_started);
        line.note = d.at("note").get<std::string>();
        b.deliverables.push_back(std::move(line));
    }
    b.next_steps = j.at("next_steps").get<std::string>();
    b.requests = j.at("requests").get<std::string>();
    b.remarks = j.at("remarks").get<std::string>();
    b.include_record = j.at("include_record").get<bool>();
    return b;
}

core::SubmittedReport submitted_from_json(const nlohmann::json& j) {
    core::SubmittedReport s;
    s.body = report_body_from_json(j.at("body"));
    if (const auto& r = j.at("record"); !r.is_null()) {
        core::SessionRecord record;
        record.session_no = r.at("session_no").get<int>();
        record.attendees = attendees_from_json(r.at("attendees"));
        record.agenda = agenda_from_json(r.at("agenda"));
        record.decisions = r.at("decisions").get<std::string>();
        s.record = std::move(record);
    }
    return s;
}

}  // namespace shido::storage
