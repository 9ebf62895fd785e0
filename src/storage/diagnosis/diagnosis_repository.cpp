#include "storage/diagnosis/diagnosis_repository.hpp"

#include <map>

#include "storage/list_query.hpp"
#include "storage/nullable.hpp"

namespace shido::storage {

namespace {

constexpr const char* round_select =
    "SELECT r.id, r.engagement_id, r.instrument_id, r.name, r.status, r.created_at, r.updated_at, "
    "(SELECT COUNT(*) FROM respondents p WHERE p.round_id = r.id AND p.revoked_at IS NULL), "
    "(SELECT COUNT(*) FROM respondents p WHERE p.round_id = r.id AND p.submitted_at IS NOT NULL "
    "AND p.revoked_at IS NULL) "
    "FROM diagnosis_rounds r ";

std::vector<RoundRow> query_rounds(soci::session& sql, const std::string& where, long long key) {
    RoundRow row;
    soci::statement st(sql);
    st.exchange(soci::into(row.id));
    st.exchange(soci::into(row.engagement_id));
    st.exchange(soci::into(row.instrument_id));
    st.exchange(soci::into(row.name));
    st.exchange(soci::into(row.status));
    st.exchange(soci::into(row.created_at));
    st.exchange(soci::into(row.updated_at));
    st.exchange(soci::into(row.respondent_count));
    st.exchange(soci::into(row.submitted_count));
    st.exchange(soci::use(key));
    prepare(st, round_select + where);
    st.execute(false);
    std::vector<RoundRow> rows;
    while (st.fetch()) rows.push_back(row);
    return rows;
}

constexpr const char* respondent_select =
    "SELECT p.id, p.round_id, p.role, p.name, p.department, p.source, p.expires_on, p.revoked_at, "
    "p.submitted_at, p.created_at, "
    "(SELECT COUNT(*) FROM diagnosis_answers a WHERE a.respondent_id = p.id) "
    "FROM respondents p ";

// `tail` follows the conditions: ORDER BY, LIMIT (with its own bound value, if any).
std::vector<RespondentRow> query_respondents(soci::session& sql, const Conditions& where,
                                             const std::string& tail = "",
                                             const long long* limit = nullptr) {
    RespondentRow row;
    NullableIn<std::string> expires;
    NullableIn<long long> revoked, submitted;
    soci::statement st(sql);
    st.exchange(soci::into(row.id));
    st.exchange(soci::into(row.round_id));
    st.exchange(soci::into(row.role));
    st.exchange(soci::into(row.name));
    st.exchange(soci::into(row.department));
    st.exchange(soci::into(row.source));
    st.exchange(soci::into(expires.value, expires.ind));
    st.exchange(soci::into(revoked.value, revoked.ind));
    st.exchange(soci::into(submitted.value, submitted.ind));
    st.exchange(soci::into(row.created_at));
    st.exchange(soci::into(row.answered_count));
    where.bind(st);
    if (limit) st.exchange(soci::use(*limit));
    prepare(st, respondent_select + where.where() + tail);
    st.execute(false);
    std::vector<RespondentRow> rows;
    while (st.fetch()) {
        row.expires_on = expires.get();
        row.revoked_at = revoked.get();
        row.submitted_at = submitted.get();
        rows.push_back(row);
    }
    return rows;
}

Conditions respondent_where(const char* condition, Conditions::Value value) {
    Conditions where;
    where.add(condition, {std::move(value)});
    return where;
}

template <typename T>
std::optional<T> first(std::vector<T> rows) {
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
}

}  // namespace

core::Id DiagnosisRepository::insert_round(core::Id engagement_id, const std::string& instrument_id,
                                           const std::string& name, core::Timestamp now) {
    long long id = 0;
    c_.sql()
        << "INSERT INTO diagnosis_rounds (engagement_id, instrument_id, name, status, created_at, "
           "updated_at) VALUES (:e, :i, :n, 'open', :c, :u) RETURNING id",
        soci::use(engagement_id), soci::use(instrument_id), soci::use(name), soci::use(now),
        soci::use(now), soci::into(id);
    return id;
}

std::optional<RoundRow> DiagnosisRepository::find_round(core::Id id) {
    return first(query_rounds(c_.sql(), "WHERE r.id = :id", id));
}

std::vector<RoundRow> DiagnosisRepository::list_rounds(core::Id engagement_id) {
    return query_rounds(c_.sql(), "WHERE r.engagement_id = :e ORDER BY r.id", engagement_id);
}

void DiagnosisRepository::update_round(core::Id id, const std::string& name,
                                       const std::string& status, core::Timestamp now) {
    c_.sql()
        << "UPDATE diagnosis_rounds SET name = :n, status = :s, updated_at = :u WHERE id = :id",
        soci::use(name), soci::use(status), soci::use(now), soci::use(id);
}

core::Id DiagnosisRepository::insert_respondent(const RespondentRow& row,
                                                const std::optional<std::string>& token_hash,
                                                core::Timestamp now) {
    NullableOut<std::string> token(token_hash), expires(row.expires_on);
    NullableOut<long long> submitted(row.submitted_at);
    long long id = 0;
    c_.sql()
        << "INSERT INTO respondents (round_id, role, name, department, source, token_hash, "
           "expires_on, submitted_at, created_at, updated_at) VALUES (:r, :role, :n, :d, :s, :t, "
           ":x, :sub, :c, :u) RETURNING id",
        soci::use(row.round_id), soci::use(row.role), soci::use(row.name),
        soci::use(row.department), soci::use(row.source), soci::use(token.value, token.ind),
        soci::use(expires.value, expires.ind), soci::use(submitted.value, submitted.ind),
        soci::use(now), soci::use(now), soci::into(id);
    return id;
}

std::optional<RespondentRow> DiagnosisRepository::find_respondent(core::Id id) {
    return first(query_respondents(c_.sql(), respondent_where("p.id = ?", id)));
}

std::optional<RespondentRow> DiagnosisRepository::find_respondent_by_token(
    const std::string& token_hash) {
    return first(query_respondents(c_.sql(), respondent_where("p.token_hash = ?", token_hash)));
}

std::vector<RespondentRow> DiagnosisRepository::list_respondents(core::Id round_id) {
    return query_respondents(c_.sql(), respondent_where("p.round_id = ?", round_id),
                             " ORDER BY p.id");
}

core::Page<RespondentRow> DiagnosisRepository::page_respondents(
    core::Id round_id, const std::optional<std::string>& role, const core::PageRequest& page) {
    auto where = respondent_where("p.round_id = ?", round_id);
    if (role) where.add("p.role = ?", {*role});
    core::Page<RespondentRow> result;
    result.total = count_rows(c_, "respondents p", where);
    if (page.after) where.add("p.id > ?", {core::cursor_id(core::cursor_parts(*page.after, 1)[0])});
    long long fetch = rows_to_read(page);
    result.items = query_respondents(c_.sql(), where, " ORDER BY p.id LIMIT :limit", &fetch);
    close_page(result, page,
               [](const RespondentRow& r) { return core::encode_cursor({std::to_string(r.id)}); });
    return result;
}

void DiagnosisRepository::revoke(core::Id respondent_id, core::Timestamp now) {
    c_.sql() << "UPDATE respondents SET revoked_at = :t, updated_at = :u WHERE id = :id",
        soci::use(now), soci::use(now), soci::use(respondent_id);
}

void DiagnosisRepository::set_token(core::Id respondent_id, const std::string& token_hash,
                                    core::Timestamp now) {
    c_.sql() << "UPDATE respondents SET token_hash = :t, updated_at = :u WHERE id = :id",
        soci::use(token_hash), soci::use(now), soci::use(respondent_id);
}

bool DiagnosisRepository::mark_submitted(core::Id respondent_id, core::Timestamp now) {
    soci::statement st =
        (c_.sql().prepare << "UPDATE respondents SET submitted_at = :t, updated_at = :u "
                             "WHERE id = :id AND submitted_at IS NULL",
         soci::use(now), soci::use(now), soci::use(respondent_id));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

bool DiagnosisRepository::claim_open_sheet(core::Id respondent_id, core::Timestamp now) {
    soci::statement st =
        (c_.sql().prepare << "UPDATE respondents SET updated_at = :u WHERE id = :id "
                             "AND submitted_at IS NULL AND revoked_at IS NULL",
         soci::use(now), soci::use(respondent_id));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

void DiagnosisRepository::save_answer(core::Id respondent_id, int item_no,
                                      const std::string& choice, core::Timestamp now) {
    c_.sql() << "INSERT INTO diagnosis_answers (respondent_id, item_no, choice, answered_at) "
                "VALUES (:r, :i, :c, :t) ON CONFLICT (respondent_id, item_no) DO UPDATE SET "
                "choice = excluded.choice, answered_at = excluded.answered_at",
        soci::use(respondent_id), soci::use(item_no), soci::use(choice), soci::use(now);
}

int DiagnosisRepository::answer_count(core::Id respondent_id) {
    int count = 0;
    c_.sql() << "SELECT COUNT(*) FROM diagnosis_answers WHERE respondent_id = :r",
        soci::use(respondent_id), soci::into(count);
    return count;
}

core::diagnosis::Answers DiagnosisRepository::answers_of(core::Id respondent_id) {
    int item_no = 0;
    std::string choice;
    soci::statement st = (c_.sql().prepare << "SELECT item_no, choice FROM diagnosis_answers "
                                              "WHERE respondent_id = :r",
                          soci::use(respondent_id), soci::into(item_no), soci::into(choice));
    st.execute(false);
    core::diagnosis::Answers answers;
    while (st.fetch()) answers[item_no] = choice;
    return answers;
}

std::vector<core::diagnosis::Sheet> DiagnosisRepository::submitted_sheets(core::Id round_id) {
    std::vector<core::diagnosis::Sheet> sheets;
    std::map<core::Id, std::size_t> index;
    for (const auto& r : list_respondents(round_id)) {
        if (!r.submitted_at || r.revoked_at) continue;
        index[r.id] = sheets.size();
        sheets.push_back(
            core::diagnosis::Sheet{r.id,
                                   core::diagnosis::parse_respondent_role(r.role).value_or(
                                       core::diagnosis::RespondentRole::staff),
                                   r.name,
                                   r.department,
                                   {}});
    }
    long long respondent_id = 0;
    int item_no = 0;
    std::string choice;
    soci::statement st =
        (c_.sql().prepare << "SELECT a.respondent_id, a.item_no, a.choice FROM diagnosis_answers a "
                             "JOIN respondents p ON p.id = a.respondent_id WHERE p.round_id = :r",
         soci::use(round_id), soci::into(respondent_id), soci::into(item_no), soci::into(choice));
    st.execute(false);
    while (st.fetch()) {
        auto it = index.find(respondent_id);
        if (it != index.end()) sheets[it->second].answers[item_no] = choice;
    }
    return sheets;
}

std::vector<core::diagnosis::Finding> DiagnosisRepository::findings(core::Id round_id) {
    core::diagnosis::Finding row;
    NullableIn<std::string> urgency, importance, difficulty;
    int key_area = 0;
    soci::statement st =
        (c_.sql().prepare
             << "SELECT item_no, notes, finding, urgency, importance, difficulty, key_area, "
                "updated_at FROM diagnosis_findings WHERE round_id = :r ORDER BY item_no",
         soci::use(round_id), soci::into(row.item_no), soci::into(row.notes),
         soci::into(row.finding), soci::into(urgency.value, urgency.ind),
         soci::into(importance.value, importance.ind), soci::into(difficulty.value, difficulty.ind),
         soci::into(key_area), soci::into(row.updated_at));
    st.execute(false);
    std::vector<core::diagnosis::Finding> result;
    while (st.fetch()) {
        row.urgency = urgency.get() ? core::diagnosis::parse_level(*urgency.get()) : std::nullopt;
        row.importance =
            importance.get() ? core::diagnosis::parse_level(*importance.get()) : std::nullopt;
        row.difficulty =
            difficulty.get() ? core::diagnosis::parse_difficulty(*difficulty.get()) : std::nullopt;
        row.key_area = key_area != 0;
        result.push_back(row);
    }
    return result;
}

void DiagnosisRepository::save_finding(core::Id round_id, const std::string& instrument_id,
                                       const core::diagnosis::Finding& f) {
    auto text = [](const auto& value) -> std::optional<std::string> {
        if (!value) return std::nullopt;
        return std::string(core::diagnosis::to_string(*value));
    };
    NullableOut<std::string> urgency(text(f.urgency)), importance(text(f.importance)),
        difficulty(text(f.difficulty));
    int key_area = f.key_area ? 1 : 0;
    c_.sql() << "INSERT INTO diagnosis_findings (round_id, item_no, instrument_id, notes, finding, "
                "urgency, "
                "importance, difficulty, key_area, updated_at) VALUES (:r, :i, :ins, :n, :f, :u, "
                ":im, :d, "
                ":k, :t) ON CONFLICT (round_id, item_no) DO UPDATE SET notes = excluded.notes, "
                "finding = excluded.finding, urgency = excluded.urgency, importance = "
                "excluded.importance, "
                "difficulty = excluded.difficulty, key_area = excluded.key_area, updated_at = "
                "excluded.updated_at",
        soci::use(round_id), soci::use(f.item_no), soci::use(instrument_id), soci::use(f.notes),
        soci::use(f.finding), soci::use(urgency.value, urgency.ind),
        soci::use(importance.value, importance.ind), soci::use(difficulty.value, difficulty.ind),
        soci::use(key_area), soci::use(f.updated_at);
}

}  // namespace shido::storage
