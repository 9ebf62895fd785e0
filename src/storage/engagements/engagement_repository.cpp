#include "storage/engagements/engagement_repository.hpp"

#include <string>
#include <unordered_map>
#include <vector>

#include "storage/list_query.hpp"
#include "storage/nullable.hpp"

namespace shido::storage {

namespace {

// One row per engagement; its sessions (as many as its course has) are read for the whole
// page with one more query (read_sessions), not joined: a join would repeat every engagement
// once per session.
constexpr const char* engagement_select =
    "SELECT e.id, e.company_id, c.name, e.expert_id, u.name, e.status, e.version, e.course_id, "
    "e.course_version, e.created_at, e.updated_at "
    "FROM engagements e "
    "JOIN companies c ON c.id = e.company_id "
    "LEFT JOIN users u ON u.id = e.expert_id ";

struct EngagementRow {
    long long id = 0, company_id = 0;
    std::string company_name;
    NullableIn<long long> expert_id;
    NullableIn<std::string> expert_name;
    std::string status;
    int version = 0;
    std::string course_id;
    int course_version = 0;
    long long created_at = 0, updated_at = 0;

    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(company_id));
        st.exchange(soci::into(company_name));
        st.exchange(soci::into(expert_id.value, expert_id.ind));
        st.exchange(soci::into(expert_name.value, expert_name.ind));
        st.exchange(soci::into(status));
        st.exchange(soci::into(version));
        st.exchange(soci::into(course_id));
        st.exchange(soci::into(course_version));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(updated_at));
    }

    core::Engagement engagement() const {
        core::Engagement e;
        e.id = id;
        e.company_id = company_id;
        e.company_name = company_name;
        e.expert_id = expert_id.get();
        e.expert_name = expert_name.get();
        e.status = core::parse_engagement_status(status).value_or(core::EngagementStatus::planned);
        e.version = version;
        e.course_id = course_id;
        e.course_version = course_version;
        e.created_at = created_at;
        e.updated_at = updated_at;
        return e;
    }
};

// The sessions of these engagements, by number. Ids are the engagements' own (integers read
// from the database), so they are written into the IN list rather than bound one by one.
void read_sessions(Connection& c, std::vector<core::Engagement*> engagements) {
    if (engagements.empty()) return;
    std::string ids;
    for (const auto* e : engagements) ids += (ids.empty() ? "" : ",") + std::to_string(e->id);
    long long engagement_id = 0;
    int no = 0;
    NullableIn<std::string> date, start, end, mode, tool, url, place, held, report;
    soci::statement st =
        (c.sql().prepare << "SELECT s.engagement_id, s.session_no, s.planned_date, s.start_time, "
                            "s.end_time, s.mode, s.meeting_tool, s.meeting_url, s.place, "
                            "s.held_on, r.state FROM engagement_sessions s "
                            "LEFT JOIN session_reports r ON r.engagement_id = s.engagement_id "
                            "AND r.session_no = s.session_no WHERE s.engagement_id IN (" +
                                ids + ") ORDER BY s.engagement_id, s.session_no",
         soci::into(engagement_id), soci::into(no), soci::into(date.value, date.ind),
         soci::into(start.value, start.ind), soci::into(end.value, end.ind),
         soci::into(mode.value, mode.ind), soci::into(tool.value, tool.ind),
         soci::into(url.value, url.ind), soci::into(place.value, place.ind),
         soci::into(held.value, held.ind), soci::into(report.value, report.ind));
    st.execute();
    std::unordered_map<core::Id, core::Engagement*> by_id;
    for (auto* e : engagements) by_id.emplace(e->id, e);
    while (st.fetch()) {
        core::SessionPlan plan;
        plan.no = no;
        plan.planned_date = date.get();
        plan.start_time = start.get();
        plan.end_time = end.get();
        plan.meeting_tool = tool.get();
        plan.meeting_url = url.get();
        plan.place = place.get();
        plan.held_on = held.get();
        if (auto text = mode.get()) plan.mode = core::parse_session_mode(*text);
        if (auto text = report.get())
            plan.report_state = core::parse_in(core::report_states(), *text);
        if (auto found = by_id.find(engagement_id); found != by_id.end())
            found->second->sessions.push_back(std::move(plan));
    }
}

void write_session(Connection& c, core::Id engagement_id, const core::SessionPlan& s,
                   const char* sql) {
    NullableOut<std::string> date(s.planned_date), start(s.start_time), end(s.end_time),
        tool(s.meeting_tool), url(s.meeting_url), place(s.place);
    NullableOut<std::string> mode(s.mode ? std::optional<std::string>(core::to_string(*s.mode))
                                         : std::nullopt);
    c.sql() << sql, soci::use(date.value, date.ind), soci::use(start.value, start.ind),
        soci::use(end.value, end.ind), soci::use(mode.value, mode.ind),
        soci::use(tool.value, tool.ind), soci::use(url.value, url.ind),
        soci::use(place.value, place.ind), soci::use(engagement_id), soci::use(s.no);
}

constexpr const char* insert_session_sql =
    "INSERT INTO engagement_sessions (planned_date, start_time, end_time, mode, meeting_tool, "
    "meeting_url, place, engagement_id, session_no) VALUES (:d, :s, :e, :m, :t, :u, :p, :id, :n)";
constexpr const char* update_session_sql =
    "UPDATE engagement_sessions SET planned_date = :d, start_time = :s, end_time = :e, mode = :m, "
    "meeting_tool = :t, meeting_url = :u, place = :p WHERE engagement_id = :id AND session_no = :n";

}  // namespace

core::Id EngagementRepository::insert(const core::Engagement& e, core::Timestamp now) {
    NullableOut<long long> expert(e.expert_id);
    std::string status(core::to_string(e.status));
    long long id = 0;
    c_.sql() << "INSERT INTO engagements (company_id, expert_id, status, version, course_id, "
                "course_version, created_at, updated_at) VALUES (:c, :x, :s, 1, :ci, :cv, :t1, "
                ":t2) RETURNING id",
        soci::use(e.company_id), soci::use(expert.value, expert.ind), soci::use(status),
        soci::use(e.course_id), soci::use(e.course_version), soci::use(now), soci::use(now),
        soci::into(id);
    for (const auto& session : e.sessions) write_session(c_, id, session, insert_session_sql);
    return id;
}

bool EngagementRepository::update(const core::Engagement& e, int expected_version,
                                  core::Timestamp now) {
    NullableOut<long long> expert(e.expert_id);
    std::string status(core::to_string(e.status));
    soci::statement st = (c_.sql().prepare << "UPDATE engagements SET expert_id = :x, status = :s, "
                                              "version = version + 1, updated_at = :t "
                                              "WHERE id = :id AND version = :v",
                          soci::use(expert.value, expert.ind), soci::use(status), soci::use(now),
                          soci::use(e.id), soci::use(expected_version));
    st.execute(true);
    if (st.get_affected_rows() != 1) return false;
    for (const auto& session : e.sessions) write_session(c_, e.id, session, update_session_sql);
    return true;
}

namespace {

// Scope and filters: which engagements the list holds (the same for the page and its total).
Conditions engagement_conditions(const EngagementQuery& q) {
    Conditions where;
    switch (q.scope.kind) {
        case core::VisibleScope::Kind::everything:
            break;
        case core::VisibleScope::Kind::assigned_to_expert:
            where.add("e.expert_id = ?", {q.scope.id});
            break;
        case core::VisibleScope::Kind::of_company:
            where.add("e.company_id = ?", {q.scope.id});
            break;
        case core::VisibleScope::Kind::nothing:
            where.add("1 = 0", {});
            break;
    }
    if (q.expert_id) where.add("e.expert_id = ?", {*q.expert_id});
    if (q.status) where.add("e.status = ?", {std::string(core::to_string(*q.status))});
    if (!q.company_name_contains.empty())
        where.add("c.name LIKE ? ESCAPE '\\'", {contains_pattern(q.company_name_contains)});
    return where;
}

// The keyset condition and order of each sort; the cursor is the last row's sort key.
void add_keyset(Conditions& where, const EngagementQuery& q) {
    if (!q.page.after) return;
    if (q.order == EngagementOrder::newest) {
        auto parts = core::cursor_parts(*q.page.after, 1);
        where.add("e.id < ?", {core::cursor_id(parts[0])});
    } else {
        auto parts = core::cursor_parts(*q.page.after, 2);
        auto id = core::cursor_id(parts[1]);
        where.add("(c.name > ? OR (c.name = ? AND e.id > ?))", {parts[0], parts[0], id});
    }
}

const char* order_by(EngagementOrder order) {
    return order == EngagementOrder::newest ? " ORDER BY e.id DESC" : " ORDER BY c.name, e.id";
}

std::string cursor_of(const core::Engagement& e, EngagementOrder order) {
    if (order == EngagementOrder::newest) return core::encode_cursor({std::to_string(e.id)});
    return core::encode_cursor({e.company_name, std::to_string(e.id)});
}

}  // namespace

core::Page<core::Engagement> EngagementRepository::page(const EngagementQuery& q) {
    auto where = engagement_conditions(q);
    core::Page<core::Engagement> page;
    // The company is joined for the count only when its name is searched: every engagement has
    // exactly one company, and the join was most of a page's cost.
    page.total = count_rows(c_,
                            q.company_name_contains.empty()
                                ? "engagements e"
                                : "engagements e JOIN companies c ON c.id = e.company_id",
                            where);
    add_keyset(where, q);
    read_list<EngagementRow>(
        c_, std::string(engagement_select) + where.where() + order_by(q.order) + " LIMIT :limit",
        where, rows_to_read(q.page),
        [&page](const EngagementRow& row) { page.items.push_back(row.engagement()); });
    close_page(page, q.page, [&q](const core::Engagement& e) { return cursor_of(e, q.order); });
    std::vector<core::Engagement*> shown;
    for (auto& e : page.items) shown.push_back(&e);
    read_sessions(c_, shown);
    return page;
}

namespace {
// The detail read of every engagement page: prepared once per connection.
struct EngagementById {
    explicit EngagementById(soci::session& sql) : st(sql) {
        row.bind(st);
        st.exchange(soci::use(key));
        prepare(st, std::string(engagement_select).append("WHERE e.id = :id"));
    }
    long long key = 0;
    EngagementRow row;
    soci::statement st;
};
}  // namespace

std::optional<core::Engagement> EngagementRepository::find(core::Id id) {
    auto& q = c_.prepared<EngagementById>();
    q.key = id;
    if (!fetch_one(q.st, c_.dialect())) return std::nullopt;
    auto engagement = q.row.engagement();
    read_sessions(c_, {&engagement});
    return engagement;
}

}  // namespace shido::storage
