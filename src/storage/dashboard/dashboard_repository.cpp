#include "storage/dashboard/dashboard_repository.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/calendar/civil_date.hpp"
#include "storage/list_query.hpp"
#include "storage/nullable.hpp"

namespace shido::storage {

namespace {

using core::SessionProgress;

// The SQL codes are the enum's order; the CASE below and these must change together.
static_assert(static_cast<int>(SessionProgress::unplanned) == 0);
static_assert(static_cast<int>(SessionProgress::planned) == 1);
static_assert(static_cast<int>(SessionProgress::held) == 2);
static_assert(static_cast<int>(SessionProgress::report_submitted) == 3);
static_assert(static_cast<int>(SessionProgress::report_returned) == 4);
static_assert(static_cast<int>(SessionProgress::report_accepted) == 5);

// core::progress_of in SQL: the report's state first, then held, then dated.
const std::string progress_code =
    "(CASE WHEN r.state = 'accepted' THEN 5 WHEN r.state = 'returned' THEN 4 "
    "WHEN r.state = 'submitted' THEN 3 WHEN s.held_on IS NOT NULL THEN 2 "
    "WHEN s.planned_date IS NOT NULL THEN 1 ELSE 0 END)";

const std::string sessions_and_reports =
    " engagement_sessions s LEFT JOIN session_reports r ON r.engagement_id = s.engagement_id "
    "AND r.session_no = s.session_no ";

// core::current_session in SQL, per engagement (GROUP BY s.engagement_id): the smallest
// session_no * 10 + code over the sessions not accepted names the current session (/ 10) and
// its progress (% 10) in one number; none left means every report is accepted.
const std::string current_key =
    "MIN(CASE WHEN " + progress_code + " < 5 THEN s.session_no * 10 + " + progress_code + " END)";
const std::string current_state = "COALESCE(" + current_key + " % 10, 5)";
const std::string current_no = "COALESCE(" + current_key + " / 10, MAX(s.session_no))";

constexpr const char* active_statuses = "('planned', 'in_progress')";

bool joins_company(const core::DashboardFilter& f) {
    return f.industry || !f.company_name_contains.empty();
}

// The filters in use as conditions on e (engagements) and c (companies).
Conditions dashboard_conditions(const core::DashboardFilter& f, bool with_state) {
    Conditions where;
    if (f.industry) where.add("c.industry = ?", {*f.industry});
    if (f.expert_id) where.add("e.expert_id = ?", {*f.expert_id});
    if (f.unassigned) where.add("e.expert_id IS NULL", {});
    if (f.status) where.add("e.status = ?", {std::string(core::to_string(*f.status))});
    if (!f.company_name_contains.empty())
        where.add("c.name LIKE ? ESCAPE '\\'", {contains_pattern(f.company_name_contains)});
    if (with_state && f.state)
        where.add("e.id IN (SELECT s.engagement_id FROM" + sessions_and_reports +
                      "GROUP BY s.engagement_id HAVING " + current_state + " = ?)",
                  {static_cast<long long>(*f.state)});
    return where;
}

std::string engagements_from(const core::DashboardFilter& f) {
    return joins_company(f) ? "engagements e JOIN companies c ON c.id = e.company_id"
                            : "engagements e";
}

struct DashboardRowIn {
    long long id = 0, company_id = 0;
    std::string company_name, industry;
    NullableIn<long long> expert_id;
    NullableIn<std::string> expert_name;
    std::string status;
    int version = 0;

    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(company_id));
        st.exchange(soci::into(company_name));
        st.exchange(soci::into(industry));
        st.exchange(soci::into(expert_id.value, expert_id.ind));
        st.exchange(soci::into(expert_name.value, expert_name.ind));
        st.exchange(soci::into(status));
        st.exchange(soci::into(version));
    }

    core::DashboardRow row() const {
        core::DashboardRow r;
        r.id = id;
        r.company_id = company_id;
        r.company_name = company_name;
        r.industry = industry;
        r.expert_id = expert_id.get();
        r.expert_name = expert_name.get();
        r.status = core::parse_engagement_status(status).value_or(core::EngagementStatus::planned);
        r.version = version;
        return r;
    }
};

constexpr const char* dashboard_select =
    "SELECT e.id, e.company_id, c.name, c.industry, e.expert_id, u.name, e.status, e.version "
    "FROM engagements e JOIN companies c ON c.id = e.company_id "
    "LEFT JOIN users u ON u.id = e.expert_id";

// Rows counted per key (a state code, an industry) by a statement prepared once per
// connection and SQL text.
template <typename Key>
struct DashboardGroups {
    DashboardGroups(soci::session& sql, const std::string& text, const Conditions& conditions)
        : st(sql), where(conditions) {
        st.exchange(soci::into(key));
        st.exchange(soci::into(count));
        where.bind(st);
        prepare(st, text);
    }
    soci::statement st;
    Conditions where;
    Key key{};
    long long count = 0;
};

template <typename Key, typename Take>
void read_groups(Connection& c, const std::string& text, const Conditions& where, Take&& take) {
    auto& q = c.prepared<DashboardGroups<Key>>(text, where);
    q.where.take_values_of(where);
    q.st.execute(false);
    while (q.st.fetch()) take(q.key, q.count);
    finish(q.st, c.dialect());
}

// "1,2,3": ids read from the database, written into an IN list.
template <typename T, typename IdOf>
std::string id_list(const std::vector<T>& items, std::size_t from, std::size_t to, IdOf&& id_of) {
    std::string ids;
    for (std::size_t i = from; i < to; ++i) {
        if (!ids.empty()) ids += ',';
        ids += std::to_string(id_of(items[i]));
    }
    return ids;
}

constexpr std::size_t detail_chunk = 500;  // ids per IN list

std::string date_after(const std::string& today, int days) {
    auto date = core::parse_civil_date(today);
    return date ? core::to_string(core::add_days(*date, days)) : today;
}

}  // namespace

const std::string& session_progress_sql() {
    return progress_code;
}

std::vector<core::DashboardRow> DashboardRepository::read(const core::DashboardFilter& filter,
                                                          const std::optional<std::string>& after,
                                                          long long limit) {
    auto where = dashboard_conditions(filter, true);
    if (after) {
        auto parts = core::cursor_parts(*after, 1);
        where.add("e.id < ?", {core::cursor_id(parts[0])});
    }
    std::vector<core::DashboardRow> rows;
    read_list<DashboardRowIn>(
        c_, std::string(dashboard_select) + where.where() + " ORDER BY e.id DESC LIMIT :limit",
        where, limit, [&rows](const DashboardRowIn& row) { rows.push_back(row.row()); });
    return rows;
}

void DashboardRepository::attach_details(std::vector<core::DashboardRow>& rows) {
    for (std::size_t from = 0; from < rows.size(); from += detail_chunk) {
        auto to = std::min(rows.size(), from + detail_chunk);
        auto ids = id_list(rows, from, to, [](const core::DashboardRow& r) { return r.id; });
        std::unordered_map<core::Id, core::DashboardRow*> by_id;
        for (auto i = from; i < to; ++i) by_id.emplace(rows[i].id, &rows[i]);

        long long engagement_id = 0;
        int no = 0, code = 0;
        NullableIn<std::string> date, held;
        soci::statement sessions =
            (c_.sql().prepare << "SELECT s.engagement_id, s.session_no, s.planned_date, "
                                 "s.held_on, " +
                                     progress_code + " FROM" + sessions_and_reports +
                                     "WHERE s.engagement_id IN (" + ids +
                                     ") ORDER BY s.engagement_id, s.session_no",
             soci::into(engagement_id), soci::into(no), soci::into(date.value, date.ind),
             soci::into(held.value, held.ind), soci::into(code));
        sessions.execute();
        while (sessions.fetch()) {
            auto found = by_id.find(engagement_id);
            if (found == by_id.end()) continue;
            found->second->sessions.push_back(
                {no, date.get(), held.get(), static_cast<SessionProgress>(code)});
        }

        int current = 0, state = 0;
        long long waiting = 0, overdue = 0;
        NullableIn<std::string> next;
        std::string today1 = today_, today2 = today_;
        soci::statement per_engagement =
            (c_.sql().prepare << "SELECT s.engagement_id, " + current_no + ", " + current_state +
                                     ", MIN(CASE WHEN s.held_on IS NULL AND s.planned_date >= "
                                     ":t1 THEN s.planned_date END), SUM(CASE WHEN r.state = "
                                     "'submitted' THEN 1 ELSE 0 END), (SELECT COUNT(*) FROM "
                                     "engagement_tasks t WHERE t.engagement_id = "
                                     "s.engagement_id AND t.done_at IS NULL AND t.due_date < "
                                     ":t2) FROM" +
                                     sessions_and_reports + "WHERE s.engagement_id IN (" + ids +
                                     ") GROUP BY s.engagement_id",
             soci::into(engagement_id), soci::into(current), soci::into(state),
             soci::into(next.value, next.ind), soci::into(waiting), soci::into(overdue),
             soci::use(today1), soci::use(today2));
        per_engagement.execute();
        while (per_engagement.fetch()) {
            auto found = by_id.find(engagement_id);
            if (found == by_id.end()) continue;
            auto& row = *found->second;
            row.current = {current, static_cast<SessionProgress>(state)};
            row.next_date = next.get();
            row.reports_waiting = waiting;
            row.overdue_tasks = overdue;
        }
    }
}

namespace {

struct DashboardIdIn {
    long long id = 0;
    void bind(soci::statement& st) { st.exchange(soci::into(id)); }
};

}  // namespace

std::vector<core::DashboardRow> DashboardRepository::read_ids(const std::vector<core::Id>& ids) {
    std::vector<core::DashboardRow> rows;
    if (ids.empty()) return rows;
    DashboardRowIn row;
    soci::statement st(c_.sql());
    row.bind(st);
    prepare(st, std::string(dashboard_select) + " WHERE e.id IN (" +
                    id_list(ids, 0, ids.size(), [](core::Id id) { return id; }) +
                    ") ORDER BY e.id DESC");
    st.execute(false);
    while (st.fetch()) rows.push_back(row.row());
    return rows;
}

core::Page<core::DashboardRow> DashboardRepository::page(const core::DashboardFilter& filter,
                                                         const core::PageRequest& request) {
    core::Page<core::DashboardRow> page;
    if (filter.state) {
        // The state is computed over every session: read the matching ids once (the total and
        // the page from the same pass) rather than once for the count and again for the rows.
        std::optional<long long> before;
        if (request.after) before = core::cursor_id(core::cursor_parts(*request.after, 1)[0]);
        auto where = dashboard_conditions(filter, true);
        std::vector<core::Id> ids;
        const auto wanted = static_cast<std::size_t>(rows_to_read(request));
        read_list<DashboardIdIn>(c_,
                                 "SELECT e.id FROM " + engagements_from(filter) + where.where() +
                                     " ORDER BY e.id DESC LIMIT :limit",
                                 where, core::max_export_rows * 50, [&](const DashboardIdIn& row) {
                                     ++page.total;
                                     if ((!before || row.id < *before) && ids.size() < wanted)
                                         ids.push_back(row.id);
                                 });
        page.items = read_ids(ids);
    } else {
        page.total = count(filter);
        page.items = read(filter, request.after, rows_to_read(request));
    }
    close_page(page, request, [](const core::DashboardRow& row) {
        return core::encode_cursor({std::to_string(row.id)});
    });
    attach_details(page.items);
    return page;
}

std::vector<core::DashboardRow> DashboardRepository::rows(const core::DashboardFilter& filter,
                                                          long long limit) {
    auto rows = read(filter, std::nullopt, limit);
    attach_details(rows);
    return rows;
}

long long DashboardRepository::count(const core::DashboardFilter& filter) {
    return count_rows(c_, engagements_from(filter), dashboard_conditions(filter, true));
}

namespace {

// Per state: engagements, unassigned, reports waiting, overdue tasks (one pass over every
// session; the overdue tasks are read from the partial index of open tasks).
struct DashboardStateTotals {
    DashboardStateTotals(soci::session& sql, const std::string& text, const Conditions& conditions)
        : st(sql), where(conditions) {
        st.exchange(soci::into(state));
        st.exchange(soci::into(engagements));
        st.exchange(soci::into(unassigned));
        st.exchange(soci::into(waiting));
        st.exchange(soci::into(overdue));
        st.exchange(soci::use(today));
        where.bind(st);
        prepare(st, text);
    }
    soci::statement st;
    Conditions where;
    std::string today;
    int state = 0;
    long long engagements = 0, unassigned = 0, waiting = 0, overdue = 0;
};

}  // namespace

core::DashboardSummary DashboardRepository::summary(const core::DashboardFilter& filter) {
    core::DashboardSummary summary;
    for (const auto& entry : core::session_progresses())
        summary.by_state.push_back({entry.value, 0});
    const auto where = dashboard_conditions(filter, false);
    const std::string text =
        "SELECT p.state, COUNT(*), SUM(CASE WHEN e.expert_id IS NULL THEN 1 ELSE 0 END), "
        "SUM(p.waiting), SUM(COALESCE(o.overdue, 0)) FROM " +
        engagements_from(filter) + " JOIN (SELECT s.engagement_id AS engagement_id, " +
        current_state +
        " AS state, SUM(CASE WHEN r.state = 'submitted' THEN 1 ELSE 0 END) AS waiting FROM" +
        sessions_and_reports +
        "GROUP BY s.engagement_id) p ON p.engagement_id = e.id "
        "LEFT JOIN (SELECT t.engagement_id AS engagement_id, COUNT(*) AS overdue FROM "
        "engagement_tasks t WHERE t.done_at IS NULL AND t.due_date < :today "
        "GROUP BY t.engagement_id) o ON o.engagement_id = e.id" +
        where.where() + " GROUP BY p.state";
    auto& q = c_.prepared<DashboardStateTotals>(text, where);
    q.where.take_values_of(where);
    q.today = today_;
    q.st.execute(false);
    while (q.st.fetch()) {
        if (q.state < 0 || q.state >= static_cast<int>(summary.by_state.size())) continue;
        summary.by_state[static_cast<std::size_t>(q.state)].engagements = q.engagements;
        // The totals: of the chosen state only, or of all.
        if (filter.state && static_cast<int>(*filter.state) != q.state) continue;
        summary.engagements += q.engagements;
        summary.unassigned += q.unassigned;
        summary.reports_waiting += q.waiting;
        summary.overdue_tasks += q.overdue;
    }
    finish(q.st, c_.dialect());

    read_groups<std::string>(c_,
                             "SELECT c.industry, COUNT(*) FROM engagements e JOIN companies c ON "
                             "c.id = e.company_id GROUP BY c.industry",
                             Conditions{}, [&summary](const std::string& industry, long long n) {
                                 summary.industries.push_back({industry, n});
                             });
    // Byte order, the same on both engines (their collations differ).
    std::sort(summary.industries.begin(), summary.industries.end(),
              [](const auto& a, const auto& b) { return a.industry < b.industry; });
    return summary;
}

namespace {

struct DashboardExpertIn {
    long long id = 0;
    std::string name;
    int active = 1;

    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(name));
        st.exchange(soci::into(active));
    }
};

}  // namespace

core::Page<core::ExpertWorkload> DashboardRepository::experts(const core::PageRequest& request) {
    core::Page<core::ExpertWorkload> page;
    Conditions where;
    where.add("u.role = 'expert'", {});
    page.total = count_rows(c_, "users u", where);
    if (request.after) {
        auto parts = core::cursor_parts(*request.after, 2);
        auto id = core::cursor_id(parts[1]);
        where.add("(u.name > ? OR (u.name = ? AND u.id > ?))", {parts[0], parts[0], id});
    }
    read_list<DashboardExpertIn>(c_,
                                 "SELECT u.id, u.name, u.active FROM users u" + where.where() +
                                     " ORDER BY u.name, u.id LIMIT :limit",
                                 where, rows_to_read(request),
                                 [&page](const DashboardExpertIn& row) {
                                     core::ExpertWorkload w;
                                     w.expert_id = row.id;
                                     w.name = row.name;
                                     w.active = row.active != 0;
                                     page.items.push_back(std::move(w));
                                 });
    close_page(page, request, [](const core::ExpertWorkload& w) {
        return core::encode_cursor({w.name, std::to_string(w.expert_id)});
    });
    if (page.items.empty()) return page;

    auto ids = id_list(page.items, 0, page.items.size(),
                       [](const core::ExpertWorkload& w) { return w.expert_id; });
    std::unordered_map<core::Id, core::ExpertWorkload*> by_id;
    for (auto& w : page.items) by_id.emplace(w.expert_id, &w);
    // One grouped query per figure over the page's experts (one pass each, whichever index the
    // planner starts from; a subquery per expert repeated its scan of the open tasks 50 times).
    const std::string from = today_, to = date_after(today_, core::workload_days), today = today_;
    const std::string mine = "e.expert_id IN (" + ids + ")";
    auto per_expert = [&](const std::string& sql, long long core::ExpertWorkload::*field,
                          auto&&... dates) {
        long long id = 0, n = 0;
        soci::statement st(c_.sql());
        st.exchange(soci::into(id));
        st.exchange(soci::into(n));
        (st.exchange(soci::use(dates)), ...);
        prepare(st, sql);
        st.execute(false);
        while (st.fetch())
            if (auto found = by_id.find(id); found != by_id.end()) found->second->*field = n;
    };
    per_expert("SELECT e.expert_id, COUNT(*) FROM engagements e WHERE " + mine +
                   " AND e.status IN " + active_statuses + " GROUP BY e.expert_id",
               &core::ExpertWorkload::active_engagements);
    per_expert(
        "SELECT e.expert_id, COUNT(*) FROM engagements e JOIN engagement_sessions s ON "
        "s.engagement_id = e.id WHERE " +
            mine + " AND e.status IN " + active_statuses +
            " AND s.held_on IS NULL AND s.planned_date >= :d1 AND s.planned_date < :d2 "
            "GROUP BY e.expert_id",
        &core::ExpertWorkload::sessions_next_30_days, from, to);
    per_expert(
        "SELECT e.expert_id, COUNT(*) FROM engagements e JOIN session_reports r ON "
        "r.engagement_id = e.id WHERE " +
            mine + " AND r.state = 'submitted' GROUP BY e.expert_id",
        &core::ExpertWorkload::reports_waiting);
    per_expert(
        "SELECT e.expert_id, COUNT(*) FROM engagements e JOIN engagement_tasks t ON "
        "t.engagement_id = e.id WHERE " +
            mine + " AND t.done_at IS NULL AND t.due_date < :d3 GROUP BY e.expert_id",
        &core::ExpertWorkload::overdue_tasks, today);
    return page;
}

}  // namespace shido::storage
