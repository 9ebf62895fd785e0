#include "storage/final_report/final_report_repository.hpp"

#include "storage/final_report/final_report_json.hpp"
#include "storage/nullable.hpp"

namespace shido::storage {

namespace {

using core::final_report::FinalReport;

std::string final_report_state_key(core::ReportState state) {
    return std::string(core::key_in(core::report_states(), state));
}

core::ReportState final_report_state_of(const std::string& key) {
    return core::parse_in(core::report_states(), key).value_or(core::ReportState::draft);
}

std::vector<core::final_report::Step> final_report_steps_of(Connection& c, core::Id engagement_id) {
    core::final_report::Step step;
    std::string from, to;
    soci::statement st =
        (c.sql().prepare << "SELECT from_state, to_state, actor_name, comment, at FROM "
                            "final_report_steps WHERE engagement_id = :e ORDER BY id",
         soci::use(engagement_id), soci::into(from), soci::into(to), soci::into(step.actor_name),
         soci::into(step.comment), soci::into(step.at));
    st.execute(false);
    std::vector<core::final_report::Step> steps;
    while (st.fetch()) {
        step.from = final_report_state_of(from);
        step.to = final_report_state_of(to);
        steps.push_back(step);
    }
    return steps;
}

}  // namespace

std::optional<FinalReport> FinalReportRepository::find(core::Id engagement_id) {
    FinalReport r;
    std::string state, body;
    NullableIn<std::string> submitted;
    c_.sql() << "SELECT state, body_json, submitted_json, version, created_at, updated_at "
                "FROM final_reports WHERE engagement_id = :e",
        soci::use(engagement_id), soci::into(state), soci::into(body),
        soci::into(submitted.value, submitted.ind), soci::into(r.version), soci::into(r.created_at),
        soci::into(r.updated_at);
    if (!c_.sql().got_data()) return std::nullopt;
    r.engagement_id = engagement_id;
    r.state = final_report_state_of(state);
    r.body = final_report_body_from_json(nlohmann::json::parse(body));
    if (auto text = submitted.get())
        r.submitted = final_report_body_from_json(nlohmann::json::parse(*text));
    r.steps = final_report_steps_of(c_, engagement_id);
    return r;
}

bool FinalReportRepository::insert(core::Id engagement_id, const core::final_report::Body& body,
                                   core::Timestamp now) {
    std::string text = to_json(body).dump();
    soci::statement st =
        (c_.sql().prepare << "INSERT INTO final_reports (engagement_id, state, body_json, "
                             "version, created_at, updated_at) VALUES (:e, 'draft', :b, 1, :c, "
                             ":u) ON CONFLICT (engagement_id) DO NOTHING",
         soci::use(engagement_id), soci::use(text), soci::use(now), soci::use(now));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

bool FinalReportRepository::save_body(core::Id engagement_id, const core::final_report::Body& body,
                                      int expected_version, core::Timestamp now) {
    std::string text = to_json(body).dump();
    soci::statement st =
        (c_.sql().prepare << "UPDATE final_reports SET body_json = :b, version = version + 1, "
                             "updated_at = :u WHERE engagement_id = :e AND version = :v AND "
                             "state IN ('draft', 'returned')",
         soci::use(text), soci::use(now), soci::use(engagement_id), soci::use(expected_version));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

bool FinalReportRepository::transition(core::Id engagement_id, const core::ReportTransition& t,
                                       int expected_version,
                                       const std::optional<core::final_report::Body>& submitted,
                                       std::optional<core::Id> actor_id,
                                       const std::string& actor_name, const std::string& comment,
                                       core::Timestamp now) {
    std::string from = final_report_state_key(t.from), to = final_report_state_key(t.to);
    long long affected = 0;
    if (submitted) {
        std::string text = to_json(*submitted).dump();
        soci::statement st =
            (c_.sql().prepare << "UPDATE final_reports SET state = :to, submitted_json = :j, "
                                 "submitted_at = :s, version = version + 1, updated_at = :u "
                                 "WHERE engagement_id = :e AND version = :v AND state = :from",
             soci::use(to), soci::use(text), soci::use(now), soci::use(now),
             soci::use(engagement_id), soci::use(expected_version), soci::use(from));
        st.execute(true);
        affected = st.get_affected_rows();
    } else {
        soci::statement st =
            (c_.sql().prepare << "UPDATE final_reports SET state = :to, version = version + 1, "
                                 "updated_at = :u WHERE engagement_id = :e AND version = :v AND "
                                 "state = :from",
             soci::use(to), soci::use(now), soci::use(engagement_id), soci::use(expected_version),
             soci::use(from));
        st.execute(true);
        affected = st.get_affected_rows();
    }
    if (affected != 1) return false;
    NullableOut<long long> actor(actor_id);
    c_.sql() << "INSERT INTO final_report_steps (engagement_id, from_state, to_state, actor_id, "
                "actor_name, comment, at) VALUES (:e, :f, :t, :a, :n, :c, :at)",
        soci::use(engagement_id), soci::use(from), soci::use(to), soci::use(actor.value, actor.ind),
        soci::use(actor_name), soci::use(comment), soci::use(now);
    return true;
}

std::map<core::Id, core::documents::DocumentStatus> FinalReportRepository::statuses(
    const std::vector<core::Id>& engagement_ids) {
    using core::documents::DocumentKind;
    std::map<core::Id, core::documents::DocumentStatus> out;
    for (auto id : engagement_ids)
        out[id] = {DocumentKind::final_report, core::documents::DocumentState::not_started,
                   std::nullopt, std::nullopt};
    if (engagement_ids.empty()) return out;
    // Ids are numbers we hold, never text from outside: listed in the query as literals.
    std::string list;
    for (auto id : engagement_ids) list += (list.empty() ? "" : ",") + std::to_string(id);
    long long engagement_id = 0, updated_at = 0;
    std::string state;
    NullableIn<long long> submitted_at;
    soci::statement st =
        (c_.sql().prepare << "SELECT engagement_id, state, updated_at, submitted_at FROM "
                             "final_reports WHERE engagement_id IN (" +
                                 list + ")",
         soci::into(engagement_id), soci::into(state), soci::into(updated_at),
         soci::into(submitted_at.value, submitted_at.ind));
    st.execute(false);
    while (st.fetch()) {
        std::optional<core::Timestamp> at;
        if (auto s = submitted_at.get()) at = *s;
        out[engagement_id] = {DocumentKind::final_report,
                              core::final_report::document_state_of(final_report_state_of(state)),
                              updated_at, at};
    }
    return out;
}

}  // namespace shido::storage
