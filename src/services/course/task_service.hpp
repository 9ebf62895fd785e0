#pragma once
#include <optional>
#include <string>
#include <vector>

#include "content/curriculum.hpp"
#include "core/course/tasks.hpp"
#include "core/engagements/engagement.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"
#include "storage/database.hpp"

namespace shido::services {

struct TaskInput {
    std::optional<int> session_no;
    std::string side;  // core::TaskSide key
    std::string title;
    std::optional<std::string> due_date;
    std::optional<int> requested_in;  // a request made in this session (the expert's)
};

inline constexpr std::size_t max_task_title_chars = 200;
inline constexpr int due_soon_days = 3;

// Preparation tasks: made from the course for each session, due the day before it; each side
// ticks off its own and may add more; requests made in a session become the company's tasks.
class TaskService {
  public:
    explicit TaskService(ServiceEnv env) : env_(env) {}

    std::vector<core::Task> list(const RequestContext& ctx, const EngagementGrant& grant);  // view
    core::Task add(const RequestContext& ctx, const EngagementGrant& grant,  // work_tasks
                   const TaskInput& input);
    core::Task set_done(const RequestContext& ctx, const EngagementGrant& grant,  // work_tasks
                        core::Id task_id, bool done);

  private:
    ServiceEnv env_;
};

// The course's tasks for every session of a new engagement (made once: a second call adds
// nothing), inside the caller's transaction.
void make_course_tasks(storage::Connection& c, const core::Engagement& engagement,
                       const content::Curriculum& course, core::Timestamp now);
// Reminds each side of its open tasks due within two days or overdue by up to a week
// (services/notifications decides which reminder is due and writes each once). In its own
// transaction; the outbox worker runs it with its other scans.
void remind_due_tasks(storage::Database& db, const std::string& today, core::Timestamp now);

// After the plan changed: course tasks nobody dated by hand follow their session's date.
void follow_plan(storage::Connection& c, const core::Engagement& engagement, core::Timestamp now);

}  // namespace shido::services
