#include "storage/survey/survey_repository.hpp"

#include <nlohmann/json.hpp>

#include "storage/list_query.hpp"
#include "storage/nullable.hpp"

namespace shido::storage {

std::string survey_answers_json(const core::survey::SurveyAnswers& answers) {
    return nlohmann::json{{"ratings", answers.ratings}, {"comments", answers.comments}}.dump();
}

core::survey::SurveyAnswers survey_answers_from_json(const std::string& json) {
    auto doc = nlohmann::json::parse(json);
    core::survey::SurveyAnswers answers;
    answers.ratings = doc.at("ratings").get<std::map<std::string, std::string>>();
    answers.comments = doc.at("comments").get<std::map<std::string, std::string>>();
    return answers;
}

std::optional<core::survey::SurveyResponse> SurveyRepository::find(core::Id engagement_id) {
    core::survey::SurveyResponse response;
    std::string answers, state;
    core::Timestamp updated_at = 0;
    NullableIn<long long> submitted_at;
    c_.sql() << "SELECT survey_id, survey_version, answers_json, state, version, updated_at, "
                "submitted_at FROM survey_responses WHERE engagement_id = :e",
        soci::use(engagement_id), soci::into(response.survey_id),
        soci::into(response.survey_version), soci::into(answers), soci::into(state),
        soci::into(response.version), soci::into(updated_at),
        soci::into(submitted_at.value, submitted_at.ind);
    if (!c_.sql().got_data()) return std::nullopt;
    response.engagement_id = engagement_id;
    response.answers = survey_answers_from_json(answers);
    response.state =
        core::survey::parse_response_state(state).value_or(core::survey::ResponseState::draft);
    response.updated_at = updated_at;
    if (auto at = submitted_at.get()) response.submitted_at = *at;
    return response;
}

bool SurveyRepository::save_draft(const core::survey::SurveyResponse& response,
                                  int expected_version, core::Id by, core::Timestamp now) {
    auto answers = survey_answers_json(response.answers);
    if (expected_version == 0) {
        soci::statement st =
            (c_.sql().prepare << "INSERT INTO survey_responses (engagement_id, survey_id, "
                                 "survey_version, answers_json, state, version, updated_by, "
                                 "updated_at) VALUES (:e, :s, :v, :a, 'draft', 1, :b, :u) "
                                 "ON CONFLICT (engagement_id) DO NOTHING",
             soci::use(response.engagement_id), soci::use(response.survey_id),
             soci::use(response.survey_version), soci::use(answers), soci::use(by), soci::use(now));
        st.execute(true);
        return st.get_affected_rows() == 1;
    }
    soci::statement st =
        (c_.sql().prepare << "UPDATE survey_responses SET answers_json = :a, version = version + "
                             "1, updated_by = :b, updated_at = :u WHERE engagement_id = :e AND "
                             "version = :v AND state = 'draft'",
         soci::use(answers), soci::use(by), soci::use(now), soci::use(response.engagement_id),
         soci::use(expected_version));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

bool SurveyRepository::submit(core::Id engagement_id, int version, core::Id by,
                              core::Timestamp now) {
    soci::statement st =
        (c_.sql().prepare << "UPDATE survey_responses SET state = 'submitted', version = version "
                             "+ 1, submitted_by = :b, submitted_at = :t, updated_by = :b2, "
                             "updated_at = :t2 WHERE engagement_id = :e AND version = :v AND "
                             "state = 'draft'",
         soci::use(by), soci::use(now), soci::use(by), soci::use(now), soci::use(engagement_id),
         soci::use(version));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

std::vector<SubmittedSurvey> SurveyRepository::submitted(const SubmittedSurveyFilter& filter) {
    Conditions where;
    where.add("s.state = ?", {std::string("submitted")});
    if (filter.expert_id) where.add("e.expert_id = ?", {*filter.expert_id});
    if (filter.from) where.add("s.submitted_at >= ?", {*filter.from});
    if (filter.until) where.add("s.submitted_at < ?", {*filter.until});
    SubmittedSurvey row;
    std::string answers;
    NullableIn<long long> expert_id;
    NullableIn<std::string> expert_name;
    soci::statement st(c_.sql());
    st.exchange(soci::into(row.engagement_id));
    st.exchange(soci::into(row.survey_id));
    st.exchange(soci::into(row.survey_version));
    st.exchange(soci::into(answers));
    st.exchange(soci::into(row.submitted_at));
    st.exchange(soci::into(expert_id.value, expert_id.ind));
    st.exchange(soci::into(expert_name.value, expert_name.ind));
    st.exchange(soci::into(row.industry));
    st.exchange(soci::into(row.company_name));
    where.bind(st);
    prepare(st,
            "SELECT s.engagement_id, s.survey_id, s.survey_version, s.answers_json, "
            "s.submitted_at, e.expert_id, u.name, c.industry, c.name FROM survey_responses s "
            "JOIN engagements e ON e.id = s.engagement_id JOIN companies c ON c.id = "
            "e.company_id LEFT JOIN users u ON u.id = e.expert_id" +
                where.where() + " ORDER BY s.submitted_at, s.engagement_id");
    st.execute(false);
    std::vector<SubmittedSurvey> out;
    while (st.fetch()) {
        auto r = row;
        r.answers = survey_answers_from_json(answers);
        r.expert_id = expert_id.get();
        r.expert_name = expert_name.get().value_or("");
        out.push_back(std::move(r));
    }
    return out;
}

std::map<core::Id, core::documents::DocumentStatus> SurveyRepository::statuses(
    const std::vector<core::Id>& engagement_ids) {
    using core::documents::DocumentKind;
    std::map<core::Id, core::documents::DocumentStatus> out;
    for (auto id : engagement_ids)
        out[id] = {DocumentKind::survey, core::documents::DocumentState::not_started, std::nullopt,
                   std::nullopt};
    if (engagement_ids.empty()) return out;
    // Ids are numbers we hold, never text from outside: listed in the query as literals.
    std::string list;
    for (auto id : engagement_ids) list += (list.empty() ? "" : ",") + std::to_string(id);
    long long engagement_id = 0, updated_at = 0;
    int version = 0;
    std::string state;
    NullableIn<long long> submitted_at;
    soci::statement st =
        (c_.sql().prepare << "SELECT engagement_id, version, state, updated_at, submitted_at "
                             "FROM survey_responses WHERE engagement_id IN (" +
                                 list + ")",
         soci::into(engagement_id), soci::into(version), soci::into(state), soci::into(updated_at),
         soci::into(submitted_at.value, submitted_at.ind));
    st.execute(false);
    while (st.fetch()) {
        auto parsed =
            core::survey::parse_response_state(state).value_or(core::survey::ResponseState::draft);
        std::optional<core::Timestamp> at;
        if (auto s = submitted_at.get()) at = *s;
        out[engagement_id] = {DocumentKind::survey,
                              core::survey::document_state_of(version, parsed), updated_at, at};
    }
    return out;
}

std::map<core::Id, core::documents::DocumentStatus> survey_statuses(
    Connection& c, const std::vector<core::Id>& engagement_ids) {
    return SurveyRepository(c).statuses(engagement_ids);
}

}  // namespace shido::storage
