#pragma once
// Course work written straight into the tables, without the use cases (no audit, no rules):
// for `shido demo --course-work` (benchmarks) and the dashboard's tests, which need many
// engagements at every stage quickly. Never used by a request.
#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "storage/database.hpp"

namespace shido::storage {

struct SeedSession {  // sets the date and the day held of an existing session row
    core::Id engagement_id = 0;
    int session_no = 1;
    std::optional<std::string> planned_date;
    std::optional<std::string> held_on;
};

struct SeedTask {
    core::Id engagement_id = 0;
    int session_no = 1;
    std::string side = "company";  // company | expert
    std::string title;
    std::optional<std::string> due_date;
    std::optional<core::Timestamp> done_at;
};

struct SeedReport {
    core::Id engagement_id = 0;
    int session_no = 1;
    std::string state = "draft";  // draft | submitted | returned | accepted
};

struct CourseWorkSeed {
    std::vector<SeedSession> sessions;
    std::vector<SeedTask> tasks;
    std::vector<SeedReport> reports;
};

// Writes it all with one prepared statement per table, in the caller's transaction.
void write_course_work(Connection& c, const CourseWorkSeed& seed, core::Timestamp now);

}  // namespace shido::storage
