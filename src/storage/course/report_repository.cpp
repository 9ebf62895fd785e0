#include "storage/course/report_repository.hpp"

#include "storage/course/record_json.hpp"
#include "storage/nullable.hpp"

namespace shido::storage {

namespace {

std::string state_key(core::ReportState state) {
    return std::string(core::key_in(core::report_states(), state));
}

core::ReportState state_of(const std::string& key) {
    return core::parse_in(core::report_states(), key).value_or(core::ReportState::draft);
}

std::vector<core::ReportStep> steps_of(Connection& c, core::Id report_id) {
    core::ReportStep step;
    std::string from, to;
    soci::statement st =
        (c.sql().prepare << "SELECT from_state, to_state, actor_name, comment, at FROM "
                            "report_transitions WHERE report_id = :r ORDER BY id",
         soci::use(report_id), soci::into(from), soci::into(to), soci::into(step.actor_name),
         soci::into(step.comment), soci::into(step.at));
    st.execute(false);
    std::vector<core::ReportStep> steps;
    while (st.fetch()) {
        step.from = state_of(from);
        step.to = state_of(to);
        steps.push_back(step);
    }
    return steps;
}

}  // namespace

std::optional<core::SessionReport> ReportRepository::find(core::Id engagement_id, int session_no) {
    core::SessionReport r;
    long long id = 0;
    std::string state, body;
    NullableIn<std::string> submitted;
    c_.sql() << "SELECT id, state, body_json, submitted_json, version, created_at, updated_at "
                "FROM session_reports WHERE engagement_id = :e AND session_no = :n",
        soci::use(engagement_id), soci::use(session_no), soci::into(id), soci::into(state),
        soci::into(body), soci::into(submitted.value, submitted.ind), soci::into(r.version),
        soci::into(r.created_at), soci::into(r.updated_at);
    if (!c_.sql().got_data()) return std::nullopt;
    r.id = id;
    r.engagement_id = engagement_id;
    r.session_no = session_no;
    r.state = state_of(state);
    r.body = report_body_from_json(nlohmann::json::parse(body));
    if (auto text = submitted.get())
        r.submitted = submitted_from_json(nlohmann::json::parse(*text));
    r.steps = steps_of(c_, r.id);
    return r;
}

bool ReportRepository::insert_draft(core::Id engagement_id, int session_no,
                                    const core::ReportBody& body, core::Timestamp now) {
    std::string text = to_json(body).dump();
    soci::statement st =
        (c_.sql().prepare << "INSERT INTO session_reports (engagement_id, session_no, state, "
                             "body_json, version, created_at, updated_at) VALUES (:e, :n, "
                             "'draft', :b, 1, :c, :u) ON CONFLICT (engagement_id, session_no) "
                             "DO NOTHING",
         soci::use(engagement_id), soci::use(session_no), soci::use(text), soci::use(now),
         soci::use(now));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

bool ReportRepository::save_body(core::Id report_id, const core::ReportBody& body,
                                 int expected_version, core::ReportState state,
                                 core::Timestamp now) {
    std::string text = to_json(body).dump(), key = state_key(state);
    soci::statement st =
        (c_.sql().prepare << "UPDATE session_reports SET body_json = :b, version = version + 1, "
                             "updated_at = :u WHERE id = :id AND version = :v AND state = :s",
         soci::use(text), soci::use(now), soci::use(report_id), soci::use(expected_version),
         soci::use(key));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

bool ReportRepository::transition(core::Id report_id, const core::ReportTransition& t,
                                  int expected_version,
                                  const std::optional<core::SubmittedReport>& submitted,
                                  std::optional<core::Id> actor_id, const std::string& actor_name,
                                  const std::string& comment, core::Timestamp now) {
    std::string from = state_key(t.from), to = state_key(t.to);
    long long affected = 0;
    if (submitted) {
        std::string text = to_json(*submitted).dump();
        soci::statement st =
            (c_.sql().prepare << "UPDATE session_reports SET state = :to, submitted_json = :j, "
                                 "version = version + 1, updated_at = :u WHERE id = :id AND "
                                 "version = :v AND state = :from",
             soci::use(to), soci::use(text), soci::use(now), soci::use(report_id),
             soci::use(expected_version), soci::use(from));
        st.execute(true);
        affected = st.get_affected_rows();
    } else {
        soci::statement st =
            (c_.sql().prepare << "UPDATE session_reports SET state = :to, version = version + 1, "
                                 "updated_at = :u WHERE id = :id AND version = :v AND state = "
                                 ":from",
             soci::use(to), soci::use(now), soci::use(report_id), soci::use(expected_version),
             soci::use(from));
        st.execute(true);
        affected = st.get_affected_rows();
    }
    if (affected != 1) return false;
    NullableOut<long long> actor(actor_id);
    c_.sql() << "INSERT INTO report_transitions (report_id, from_state, to_state, actor_id, "
                "actor_name, comment, at) VALUES (:r, :f, :t, :a, :n, :c, :at)",
        soci::use(report_id), soci::use(from), soci::use(to), soci::use(actor.value, actor.ind),
        soci::use(actor_name), soci::use(comment), soci::use(now);
    return true;
}

}  // namespace shido::storage
