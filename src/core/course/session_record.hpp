#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/course/tasks.hpp"
#include "core/ids.hpp"

namespace shido::core {

struct Attendee {
    std::string name;
    std::string title;
    TaskSide side = TaskSide::company;  // the company's people or the expert's side
};

// One agenda item of a session: from the course (and its timetable), with what happened.
struct AgendaEntry {
    std::string title;
    std::optional<int> planned_minutes;
    std::optional<std::string> actual_start;  // HH:MM
    std::optional<std::string> actual_end;
    std::string notes;
};

// What happened in a session. Working record of the expert and the company: the secretariat
// reads it only as far as the expert includes it in a submitted report.
struct SessionRecord {
    Id engagement_id = 0;
    int session_no = 1;
    std::vector<Attendee> attendees;
    std::vector<AgendaEntry> agenda;
    std::string decisions;
    int version = 0;  // 0: not written yet (the agenda is then the course's)
    std::optional<Id> updated_by;
    std::optional<std::string> updated_by_name;
    Timestamp updated_at = 0;
};

struct SessionMove {
    int session_no = 1;
    std::optional<std::string> from_date;
    std::string to_date;
    std::string reason;
    std::string moved_by_name;
    Timestamp moved_at = 0;
};

}  // namespace shido::core
