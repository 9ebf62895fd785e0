#include "storage/dashboard/course_work_seed.hpp"

#include "storage/nullable.hpp"

namespace shido::storage {

void write_course_work(Connection& c, const CourseWorkSeed& seed, core::Timestamp now) {
    {
        SeedSession s;
        NullableOut<std::string> date(std::nullopt), held(std::nullopt);
        soci::statement st =
            (c.sql().prepare << "UPDATE engagement_sessions SET planned_date = :d, held_on = :h "
                                "WHERE engagement_id = :e AND session_no = :n",
             soci::use(date.value, date.ind), soci::use(held.value, held.ind),
             soci::use(s.engagement_id), soci::use(s.session_no));
        for (const auto& row : seed.sessions) {
            s = row;
            date = NullableOut<std::string>(row.planned_date);
            held = NullableOut<std::string>(row.held_on);
            st.execute(true);
        }
    }
    {
        SeedTask t;
        NullableOut<std::string> due(std::nullopt);
        NullableOut<long long> done(std::nullopt);
        long long at = now;
        soci::statement st =
            (c.sql().prepare << "INSERT INTO engagement_tasks (engagement_id, session_no, side, "
                                "title, origin, due_date, done_at, created_at, updated_at) "
                                "VALUES (:e, :n, :s, :t, 'added', :d, :x, :c, :u)",
             soci::use(t.engagement_id), soci::use(t.session_no), soci::use(t.side),
             soci::use(t.title), soci::use(due.value, due.ind), soci::use(done.value, done.ind),
             soci::use(at), soci::use(at));
        for (const auto& row : seed.tasks) {
            t = row;
            due = NullableOut<std::string>(row.due_date);
            done = NullableOut<long long>(row.done_at ? std::optional<long long>(*row.done_at)
                                                      : std::nullopt);
            st.execute(true);
        }
    }
    {
        SeedReport r;
        long long at = now;
        soci::statement st =
            (c.sql().prepare << "INSERT INTO session_reports (engagement_id, session_no, state, "
                                "body_json, created_at, updated_at) "
                                "VALUES (:e, :n, :s, '{}', :c, :u)",
             soci::use(r.engagement_id), soci::use(r.session_no), soci::use(r.state), soci::use(at),
             soci::use(at));
        for (const auto& row : seed.reports) {
            r = row;
            st.execute(true);
        }
    }
}

}  // namespace shido::storage
