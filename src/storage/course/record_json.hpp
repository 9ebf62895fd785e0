#pragma once
#include <nlohmann/json.hpp>

#include "core/course/report.hpp"
#include "core/course/session_record.hpp"

namespace shido::storage {

// The JSON forms of a session record's lists and of a report's body: stored as text columns
// and served as they are by the API (services/course/course_work_views).
nlohmann::json to_json(const core::Attendee& a);
nlohmann::json to_json(const core::AgendaEntry& e);
nlohmann::json to_json(const core::ReportBody& body);
nlohmann::json to_json(const core::SessionRecord& record);  // attendees, agenda, decisions
nlohmann::json to_json(const core::SubmittedReport& submitted);

// Read back what to_json wrote (stored by this program: a malformed row is a bug, thrown).
std::vector<core::Attendee> attendees_from_json(const nlohmann::json& j);
std::vector<core::AgendaEntry> agenda_from_json(const nlohmann::json& j);
core::ReportBody report_body_from_json(const nlohmann::json& j);
core::SubmittedReport submitted_from_json(const nlohmann::json& j);

}  // namespace shido::storage
