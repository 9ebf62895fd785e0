#pragma once
#include <optional>
#include <string>
#include <vector>

#include "content/curriculum.hpp"
#include "core/course/session_record.hpp"
#include "core/course/tasks.hpp"
#include "core/engagements/engagement.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"

namespace shido::services {

struct AttendeeInput {
    std::string name, title, side;
};

struct AgendaInput {
    std::string title;
    std::optional<int> planned_minutes;
    std::optional<std::string> actual_start, actual_end;
    std::string notes;
};

struct RecordInput {
    std::vector<AttendeeInput> attendees;
    std::vector<AgendaInput> agenda;
    std::string decisions;
    std::optional<int> version;
};

// One session as the expert works on it: the record (or, before it is written, the template
// made from the course and the confirmed participants), the plan, and what carries over from
// the previous session for the review the guide asks for at the start of each session.
struct SessionRecordView {
    core::SessionRecord record;
    const content::CurriculumSession* session = nullptr;
    core::SessionPlan plan;
    int session_count = 0;
    std::optional<core::SessionRecord> previous;  // the previous session's record
    std::vector<core::Task> open_requests;        // asked for before this session, still open
    std::vector<core::Task> requests_made;        // asked for in this session
    std::vector<core::SessionMove> moves;         // of this session
};

inline constexpr std::size_t max_attendees = 50;
inline constexpr std::size_t max_agenda_items = 40;
inline constexpr std::size_t max_record_text_chars = 4000;

class SessionRecordService {
  public:
    explicit SessionRecordService(ServiceEnv env) : env_(env) {}

    SessionRecordView get(const EngagementGrant& grant, int session_no);  // view_records
    SessionRecordView save(const RequestContext& ctx,
                           const EngagementGrant& grant,  // write_records
                           int session_no, const RecordInput& input);
    // The day the session took place (not after today); null undoes it while no report is
    // with the secretariat.
    SessionRecordView hold(const RequestContext& ctx,
                           const EngagementGrant& grant,  // write_records
                           int session_no, const std::optional<std::string>& held_on);
    // Moves a session not yet held to a later day, with the reason; kept in its history.
    core::Engagement move(const RequestContext& ctx, const EngagementGrant& grant,  // edit_plan
                          int session_no, const std::string& to_date, const std::string& reason);

  private:
    SessionRecordView view_of(storage::Connection& c, const EngagementGrant& grant, int session_no);
    ServiceEnv env_;
};

}  // namespace shido::services
