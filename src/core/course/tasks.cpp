#include "core/course/tasks.hpp"

#include "core/calendar/civil_date.hpp"

namespace shido::core {

namespace {

constexpr Labelled<TaskSide> side_table[] = {
    {TaskSide::company, "company", "企業"},
    {TaskSide::expert, "expert", "専門家"},
};
constexpr Labelled<TaskOrigin> origin_table[] = {
    {TaskOrigin::course, "course", "進め方"},
    {TaskOrigin::added, "added", "追加"},
    {TaskOrigin::request, "request", "追加情報の提供依頼"},
};

}  // namespace

std::span<const Labelled<TaskSide>> task_sides() {
    return side_table;
}
std::span<const Labelled<TaskOrigin>> task_origins() {
    return origin_table;
}

std::optional<std::string> course_task_due(const std::optional<std::string>& session_date) {
    if (!session_date) return std::nullopt;
    auto date = parse_civil_date(*session_date);
    if (!date) return std::nullopt;
    return to_string(add_days(*date, -1));
}

bool is_overdue(const Task& task, std::string_view today) {
    return !task.done_at && task.due_date && *task.due_date < today;
}

bool is_due_soon(const Task& task, std::string_view today, int days) {
    if (task.done_at || !task.due_date || *task.due_date < today) return false;
    auto from = parse_civil_date(today);
    return from && *task.due_date <= to_string(add_days(*from, days));
}

}  // namespace shido::core
