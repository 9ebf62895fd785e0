#include "storage/course/task_repository.hpp"

#include "storage/nullable.hpp"

namespace shido::storage {

namespace {

constexpr const char* task_columns =
    "SELECT t.id, t.engagement_id, t.session_no, t.side, t.title, t.origin, t.requested_in, "
    "t.due_date, t.due_date_set, t.done_at, t.done_by, u.name, t.created_at, t.updated_at "
    "FROM engagement_tasks t LEFT JOIN users u ON u.id = t.done_by ";

struct TaskRow {
    long long id = 0, engagement_id = 0;
    int session_no = 0, due_date_set = 0;
    std::string side, title, origin;
    NullableIn<int> requested_in;
    NullableIn<std::string> due_date, done_by_name;
    NullableIn<long long> done_at, done_by;
    long long created_at = 0, updated_at = 0;

    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(engagement_id));
        st.exchange(soci::into(session_no));
        st.exchange(soci::into(side));
        st.exchange(soci::into(title));
        st.exchange(soci::into(origin));
        st.exchange(soci::into(requested_in.value, requested_in.ind));
        st.exchange(soci::into(due_date.value, due_date.ind));
        st.exchange(soci::into(due_date_set));
        st.exchange(soci::into(done_at.value, done_at.ind));
        st.exchange(soci::into(done_by.value, done_by.ind));
        st.exchange(soci::into(done_by_name.value, done_by_name.ind));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(updated_at));
    }

    core::Task task() const {
        core::Task t;
        t.id = id;
        t.engagement_id = engagement_id;
        t.session_no = session_no;
        t.side = core::parse_in(core::task_sides(), side).value_or(core::TaskSide::company);
        t.title = title;
        t.origin = core::parse_in(core::task_origins(), origin).value_or(core::TaskOrigin::added);
        t.requested_in = requested_in.get();
        t.due_date = due_date.get();
        t.due_date_set = due_date_set != 0;
        t.done_at = done_at.get();
        t.done_by = done_by.get();
        t.done_by_name = done_by_name.get();
        t.created_at = created_at;
        t.updated_at = updated_at;
        return t;
    }
};

std::vector<core::Task> read_tasks(Connection& c, const std::string& where, long long a,
                                   std::optional<long long> b) {
    TaskRow row;
    soci::statement st(c.sql());
    row.bind(st);
    st.exchange(soci::use(a));
    if (b) st.exchange(soci::use(*b));
    st.alloc();
    st.prepare(std::string(task_columns) + where);
    st.define_and_bind();
    st.execute(false);
    std::vector<core::Task> tasks;
    while (st.fetch()) tasks.push_back(row.task());
    return tasks;
}

}  // namespace

std::vector<core::Task> TaskRepository::list(core::Id engagement_id) {
    return read_tasks(c_,
                      "WHERE t.engagement_id = :e ORDER BY t.session_no, "
                      "CASE t.origin WHEN 'course' THEN 0 ELSE 1 END, t.id",
                      engagement_id, std::nullopt);
}

std::optional<core::Task> TaskRepository::find(core::Id engagement_id, core::Id task_id) {
    auto found = read_tasks(c_, "WHERE t.engagement_id = :e AND t.id = :t", engagement_id,
                            static_cast<long long>(task_id));
    if (found.empty()) return std::nullopt;
    return found.front();
}

bool TaskRepository::has_course_tasks(core::Id engagement_id) {
    int count = 0;
    c_.sql() << "SELECT COUNT(*) FROM engagement_tasks WHERE engagement_id = :e AND origin = "
                "'course'",
        soci::use(engagement_id), soci::into(count);
    return count > 0;
}

std::optional<core::Id> TaskRepository::insert(const core::Task& t,
                                               const std::optional<std::string>& course_key,
                                               std::optional<core::Id> created_by,
                                               core::Timestamp now) {
    std::string side(core::key_in(core::task_sides(), t.side));
    std::string origin(core::key_in(core::task_origins(), t.origin));
    NullableOut<std::string> key(course_key), due(t.due_date);
    NullableOut<int> requested(t.requested_in);
    NullableOut<long long> by(created_by);
    int due_set = t.due_date_set ? 1 : 0;
    NullableIn<long long> id;
    c_.sql() << "INSERT INTO engagement_tasks (engagement_id, session_no, side, title, origin, "
                "course_key, requested_in, due_date, due_date_set, created_by, created_at, "
                "updated_at) VALUES (:e, :n, :s, :t, :o, :k, :r, :d, :ds, :b, :c, :u) "
                "ON CONFLICT (engagement_id, course_key) DO NOTHING RETURNING id",
        soci::use(t.engagement_id), soci::use(t.session_no), soci::use(side), soci::use(t.title),
        soci::use(origin), soci::use(key.value, key.ind), soci::use(requested.value, requested.ind),
        soci::use(due.value, due.ind), soci::use(due_set), soci::use(by.value, by.ind),
        soci::use(now), soci::use(now), soci::into(id.value, id.ind);
    if (!c_.sql().got_data()) return std::nullopt;
    return id.get();
}

void TaskRepository::set_done(core::Id task_id, std::optional<core::Timestamp> done_at,
                              std::optional<core::Id> done_by, core::Timestamp now) {
    NullableOut<long long> at(done_at), by(done_by);
    c_.sql() << "UPDATE engagement_tasks SET done_at = :a, done_by = :b, updated_at = :u WHERE "
                "id = :id",
        soci::use(at.value, at.ind), soci::use(by.value, by.ind), soci::use(now),
        soci::use(task_id);
}

void TaskRepository::follow_session_date(core::Id engagement_id, int session_no,
                                         const std::optional<std::string>& due,
                                         core::Timestamp now) {
    NullableOut<std::string> date(due);
    c_.sql() << "UPDATE engagement_tasks SET due_date = :d, updated_at = :u WHERE engagement_id "
                "= :e AND session_no = :n AND origin = 'course' AND due_date_set = 0",
        soci::use(date.value, date.ind), soci::use(now), soci::use(engagement_id),
        soci::use(session_no);
}

std::vector<TaskRepository::DueRow> TaskRepository::open_due_between(const std::string& from,
                                                                     const std::string& to) {
    DueRow row;
    std::string side;
    long long id = 0, engagement_id = 0, company_id = 0;
    NullableIn<long long> expert;
    NullableIn<std::string> due;
    soci::statement st =
        (c_.sql().prepare << "SELECT t.id, t.engagement_id, t.session_no, t.side, t.title, "
                             "t.due_date, e.company_id, e.expert_id, co.name FROM engagement_tasks "
                             "t JOIN engagements e ON e.id = t.engagement_id JOIN companies co ON "
                             "co.id = e.company_id WHERE t.done_at IS NULL AND t.due_date >= :f "
                             "AND t.due_date <= :t AND e.status IN ('planned', 'in_progress') "
                             "ORDER BY t.id",
         soci::use(from), soci::use(to), soci::into(id), soci::into(engagement_id),
         soci::into(row.task.session_no), soci::into(side), soci::into(row.task.title),
         soci::into(due.value, due.ind), soci::into(company_id),
         soci::into(expert.value, expert.ind), soci::into(row.company_name));
    st.execute(false);
    std::vector<DueRow> out;
    while (st.fetch()) {
        row.task.id = id;
        row.task.engagement_id = engagement_id;
        row.task.side = core::parse_in(core::task_sides(), side).value_or(core::TaskSide::company);
        row.task.due_date = due.get();
        row.company_id = company_id;
        row.expert_id = expert.get();
        out.push_back(row);
    }
    return out;
}

}  // namespace shido::storage
