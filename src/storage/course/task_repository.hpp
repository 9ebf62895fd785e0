#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/course/tasks.hpp"
#include "storage/database.hpp"

namespace shido::storage {

class TaskRepository {
  public:
    explicit TaskRepository(Connection& c) : c_(c) {}

    // The engagement's tasks by session, then the course's order, then as added.
    std::vector<core::Task> list(core::Id engagement_id);
    std::optional<core::Task> find(core::Id engagement_id, core::Id task_id);
    bool has_course_tasks(core::Id engagement_id);
    // A course task is made once per course_key: a second insert of the same key is ignored,
    // so two servers making an engagement's tasks at once make them once. The new task's id,
    // or nothing when the key was there already.
    std::optional<core::Id> insert(const core::Task& task,
                                   const std::optional<std::string>& course_key,
                                   std::optional<core::Id> created_by, core::Timestamp now);
    void set_done(core::Id task_id, std::optional<core::Timestamp> done_at,
                  std::optional<core::Id> done_by, core::Timestamp now);
    // Course tasks nobody gave a date of their own follow their session's date.
    void follow_session_date(core::Id engagement_id, int session_no,
                             const std::optional<std::string>& due, core::Timestamp now);

    // Open tasks due from `from` to `to` (YYYY-MM-DD, inclusive) of engagements still running,
    // with what a reminder needs to know of their engagement.
    struct DueRow {
        core::Task task;
        core::Id company_id = 0;
        std::optional<core::Id> expert_id;
        std::string company_name;
    };
    std::vector<DueRow> open_due_between(const std::string& from, const std::string& to);

  private:
    Connection& c_;
};

}  // namespace shido::storage
