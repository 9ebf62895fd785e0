#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/ids.hpp"
#include "core/labelled.hpp"

namespace shido::core {

// Whose task it is: the company's or the expert's. Each side ticks off only its own tasks.
enum class TaskSide { company, expert };
// Where a task came from: the course file, someone adding it, or a request made in a session
// (追加情報の提供依頼), which becomes the company's task for the next session.
enum class TaskOrigin { course, added, request };

std::span<const Labelled<TaskSide>> task_sides();
std::span<const Labelled<TaskOrigin>> task_origins();

struct Task {
    Id id = 0;
    Id engagement_id = 0;
    int session_no = 1;  // the session it prepares
    TaskSide side = TaskSide::company;
    std::string title;
    TaskOrigin origin = TaskOrigin::added;
    std::optional<int> requested_in;      // the session the request was made in
    std::optional<std::string> due_date;  // YYYY-MM-DD
    bool due_date_set = false;            // set by a person: no longer follows the session date
    std::optional<Timestamp> done_at;
    std::optional<Id> done_by;
    std::optional<std::string> done_by_name;
    Timestamp created_at = 0;
    Timestamp updated_at = 0;
};

// A course task is due the day before its session: the preparation is for the session.
std::optional<std::string> course_task_due(const std::optional<std::string>& session_date);

// Open and past its due date, by Japan's calendar date `today`.
bool is_overdue(const Task& task, std::string_view today);
// Open and due within `days` days from today (today included), not yet overdue.
bool is_due_soon(const Task& task, std::string_view today, int days);

}  // namespace shido::core
