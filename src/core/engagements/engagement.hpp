#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/course/report_workflow.hpp"
#include "core/ids.hpp"

namespace shido::core {

enum class EngagementStatus { planned, in_progress, completed, cancelled };

inline constexpr EngagementStatus all_engagement_statuses[] = {
    EngagementStatus::planned, EngagementStatus::in_progress, EngagementStatus::completed,
    EngagementStatus::cancelled};

std::string_view to_string(EngagementStatus status);
std::string_view label_ja(EngagementStatus status);
std::optional<EngagementStatus> parse_engagement_status(std::string_view text);

// Where a session is held: at the company (訪問) or by web meeting (Web会議).
enum class SessionMode { visit, web };

inline constexpr SessionMode all_session_modes[] = {SessionMode::visit, SessionMode::web};

std::string_view to_string(SessionMode mode);
std::string_view label_ja(SessionMode mode);
std::optional<SessionMode> parse_session_mode(std::string_view text);

// One session of the engagement's course, as planned. An engagement has one per session of
// its course (content/curriculum/*.json): three, four or five, whatever the course holds.
struct SessionPlan {
    int no = 1;
    std::optional<std::string> planned_date;  // YYYY-MM-DD
    std::optional<std::string> start_time;    // HH:MM, Japan time
    std::optional<std::string> end_time;
    std::optional<SessionMode> mode;
    std::optional<std::string> meeting_tool;  // web: Teams, Zoom…
    std::optional<std::string> meeting_url;   // web: the meeting's address
    std::optional<std::string> place;         // visit: where (会議室…)
    // Facts kept by the course's own records, read with the plan, never written through it:
    std::optional<std::string> held_on;       // the day it took place (session record)
    std::optional<ReportState> report_state;  // its 実施報告, once there is one
};

struct Engagement {
    Id id = 0;
    Id company_id = 0;
    std::string company_name;
    std::optional<Id> expert_id;
    std::optional<std::string> expert_name;
    EngagementStatus status = EngagementStatus::planned;
    int version = 1;        // optimistic concurrency: bumped by every update
    std::string course_id;  // the course it was opened with, and that course's version
    int course_version = 0;
    std::vector<SessionPlan> sessions;  // by number, 1…N
    Timestamp created_at = 0;
    Timestamp updated_at = 0;
};

}  // namespace shido::core
