#include "storage/dashboard/dashboard_repository.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "core/calendar/civil_date.hpp"
#include "core/error.hpp"
#include "storage/dashboard/course_work_seed.hpp"
#include "support/page_walk.hpp"
#include "support/seed.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using core::SessionProgress;

// What one session is given: a date or not, held or not, a report in some state or none.
struct SessionFacts {
    bool dated = false;
    bool held = false;
    std::optional<core::ReportState> report;
};

constexpr std::optional<core::ReportState> report_options[] = {
    std::nullopt, core::ReportState::draft, core::ReportState::submitted,
    core::ReportState::returned, core::ReportState::accepted};

struct ExpectedRow {
    core::Id id = 0;
    core::Id company_id = 0;
    std::string company_name, industry;
    std::optional<core::Id> expert_id;
    core::EngagementStatus status = core::EngagementStatus::planned;
    std::vector<SessionFacts> sessions;
    std::vector<SessionProgress> progress;  // core::progress_of per session
    core::CurrentSession current;           // core::current_session
    std::optional<std::string> next_date;
    long long overdue = 0, waiting = 0;
};

class DashboardData : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        today = services::today(env());
        auto base = core::parse_civil_date(today).value();
        auto day = [&](long long offset) { return core::to_string(core::add_days(base, offset)); };
        storage::Connection c(*db_);
        expert1 = insert_user(c, "x1@example.jp", "専門家 一", core::Role::expert, now_);
        expert2 = insert_user(c, "x2@example.jp", "専門家 二", core::Role::expert, now_);
        expert3 =
            insert_user(c, "x3@example.jp", "専門家 三（担当なし）", core::Role::expert, now_);
        const char* industries[] = {"製造業", "運輸業", "小売業"};
        const char* names[] = {"株式会社アルファ", "ベータ運輸", "100%商店"};
        storage::CourseWorkSeed seed;
        // Every combination of a session's facts appears in each position: 20 combinations,
        // spread over engagements of four sessions, plus runs of accepted sessions so every
        // current session (1–4, and all accepted) occurs.
        std::vector<SessionFacts> combos;
        for (bool dated : {false, true})
            for (bool held : {false, true})
                for (auto report : report_options) combos.push_back({dated, held, report});
        const auto accepted = SessionFacts{true, true, core::ReportState::accepted};
        const int count = 60;
        for (int i = 0; i < count; ++i) {
            ExpectedRow e;
            int k = i % 3;
            e.company_name = names[k];
            e.industry = industries[k];
            core::Company company;
            company.name = e.company_name;
            company.industry = e.industry;
            e.company_id = storage::CompanyRepository(c).insert(company, now_);
            e.expert_id =
                i % 5 == 4 ? std::nullopt : std::optional<core::Id>(i % 2 == 0 ? expert1 : expert2);
            e.status = core::all_engagement_statuses[static_cast<std::size_t>(i) % 4];
            e.id = insert_engagement(c, e.company_id, e.expert_id, e.status, now_);
            // The first five hold the 20 combinations once each; the others start with 0–4
            // accepted sessions.
            const int accepted_first = i < 5 ? 0 : (i / 3) % 5;
            for (int no = 1; no <= 4; ++no) {
                auto combo = static_cast<std::size_t>(i < 5 ? i * 4 + no - 1 : i * 7 + no);
                SessionFacts f = no <= accepted_first ? accepted : combos[combo % combos.size()];
                e.sessions.push_back(f);
                std::optional<std::string> date, held;
                if (f.dated) date = day(no * 7 - 10);  // some past, some ahead
                if (f.held) held = day(no * 7 - 12);
                seed.sessions.push_back({e.id, no, date, held});
                if (f.report)
                    seed.reports.push_back(
                        {e.id, no, std::string(core::key_in(core::report_states(), *f.report))});
                e.progress.push_back(core::progress_of(date, held, f.report));
                if (f.report == core::ReportState::submitted) ++e.waiting;
                if (!held && date && *date >= today && (!e.next_date || *date < *e.next_date))
                    e.next_date = date;
            }
            e.current = core::current_session(e.progress);
            // Tasks: one overdue (open, yesterday), one due today (not overdue), one done late.
            seed.tasks.push_back({e.id, 1, "company", "期限切れ", day(-1), std::nullopt});
            seed.tasks.push_back({e.id, 2, "expert", "今日まで", day(0), std::nullopt});
            seed.tasks.push_back({e.id, 1, "expert", "済み", day(-5), now_});
            if (i % 2 == 0) seed.tasks.push_back({e.id, 3, "expert", "日付なし", std::nullopt, {}});
            e.overdue = 1;
            expected.push_back(std::move(e));
        }
        storage::write_course_work(c, seed, now_);
    }

    storage::DashboardRepository repo(storage::Connection& c) {
        return storage::DashboardRepository(c, today);
    }

    bool matches(const ExpectedRow& e, const core::DashboardFilter& f) const {
        if (f.industry && e.industry != *f.industry) return false;
        if (f.expert_id && e.expert_id != f.expert_id) return false;
        if (f.unassigned && e.expert_id) return false;
        if (f.status && e.status != *f.status) return false;
        if (f.state && e.current.progress != *f.state) return false;
        return e.company_name.find(f.company_name_contains) != std::string::npos;
    }

    std::vector<core::Id> expected_ids(const core::DashboardFilter& f) const {
        std::vector<core::Id> ids;
        for (const auto& e : expected)
            if (matches(e, f)) ids.push_back(e.id);
        std::sort(ids.rbegin(), ids.rend());  // newest first
        return ids;
    }

    std::vector<core::Id> walked_ids(const core::DashboardFilter& f, int limit) {
        storage::Connection c(*db_);
        auto r = repo(c);
        auto rows = walk_pages([&](const core::PageRequest& p) { return r.page(f, p); }, limit,
                               static_cast<long long>(expected_ids(f).size()), "dashboard");
        std::vector<core::Id> ids;
        for (const auto& row : rows) ids.push_back(row.id);
        return ids;
    }

    std::string today;
    core::Id expert1 = 0, expert2 = 0, expert3 = 0;
    std::vector<ExpectedRow> expected;
};

TEST_F(DashboardData, EachSessionsProgressInSqlIsCoreProgressOf) {
    storage::Connection c(*db_);
    auto rows = repo(c).rows({}, 1000);
    ASSERT_EQ(rows.size(), expected.size());
    std::set<std::tuple<bool, bool, int>> seen;
    for (const auto& row : rows) {
        auto e = std::find_if(expected.begin(), expected.end(),
                              [&](const ExpectedRow& x) { return x.id == row.id; });
        ASSERT_NE(e, expected.end());
        ASSERT_EQ(row.sessions.size(), 4u);
        for (std::size_t n = 0; n < 4; ++n) {
            EXPECT_EQ(row.sessions[n].no, static_cast<int>(n) + 1);
            EXPECT_EQ(row.sessions[n].progress, e->progress[n])
                << "engagement " << row.id << " session " << n + 1;
            const auto& f = e->sessions[n];
            seen.insert({f.dated, f.held, f.report ? static_cast<int>(*f.report) : -1});
        }
    }
    EXPECT_EQ(seen.size(), 20u) << "every combination of date, held and report state";
}

TEST_F(DashboardData, CurrentSessionNextDateAndCountsPerRow) {
    storage::Connection c(*db_);
    auto rows = repo(c).rows({}, 1000);
    std::set<int> currents;
    for (const auto& row : rows) {
        auto e = std::find_if(expected.begin(), expected.end(),
                              [&](const ExpectedRow& x) { return x.id == row.id; });
        ASSERT_NE(e, expected.end());
        EXPECT_EQ(row.current.no, e->current.no) << row.id;
        EXPECT_EQ(row.current.progress, e->current.progress) << row.id;
        EXPECT_EQ(row.next_date, e->next_date) << row.id;
        EXPECT_EQ(row.reports_waiting, e->waiting) << row.id;
        EXPECT_EQ(row.overdue_tasks, e->overdue) << row.id;
        EXPECT_EQ(row.company_name, e->company_name);
        EXPECT_EQ(row.industry, e->industry);
        EXPECT_EQ(row.expert_id, e->expert_id);
        EXPECT_EQ(row.expert_name.has_value(), e->expert_id.has_value());
        currents.insert(row.current.progress == SessionProgress::report_accepted ? 5
                                                                                 : row.current.no);
    }
    EXPECT_EQ(currents, (std::set<int>{1, 2, 3, 4, 5})) << "every current session occurs";
}

TEST_F(DashboardData, StateFilterIsTheCurrentSessionsProgress) {
    std::set<SessionProgress> nonempty;
    for (const auto& entry : core::session_progresses()) {
        core::DashboardFilter f;
        f.state = entry.value;
        auto ids = expected_ids(f);
        if (!ids.empty()) nonempty.insert(entry.value);
        EXPECT_EQ(walked_ids(f, 7), ids) << entry.key;
    }
    EXPECT_EQ(nonempty.size(), core::session_progresses().size()) << "every state occurs";
}

TEST_F(DashboardData, FiltersCombineAndPagesWalkToTheEnd) {
    std::vector<core::DashboardFilter> filters(9);
    filters[1].industry = "運輸業";
    filters[2].expert_id = expert1;
    filters[3].unassigned = true;
    filters[4].status = core::EngagementStatus::in_progress;
    filters[5].company_name_contains = "100%";
    filters[6].industry = "製造業";
    filters[6].state = SessionProgress::report_submitted;
    filters[7].expert_id = expert2;
    filters[7].state = SessionProgress::planned;
    filters[7].company_name_contains = "ベータ";
    filters[8].industry = "存在しない業種";
    for (std::size_t i = 0; i < filters.size(); ++i) {
        EXPECT_EQ(walked_ids(filters[i], 5), expected_ids(filters[i])) << "filter " << i;
        storage::Connection c(*db_);
        EXPECT_EQ(repo(c).count(filters[i]),
                  static_cast<long long>(expected_ids(filters[i]).size()));
    }
    // "%" is searched as itself, not as LIKE's wildcard.
    EXPECT_EQ(expected_ids(filters[5]).size(), 20u);
}

TEST_F(DashboardData, SummaryCountsStatesWithoutTheStateFilterAndTotalsWithIt) {
    for (int variant = 0; variant < 3; ++variant) {
        core::DashboardFilter f;
        if (variant == 1) f.industry = "製造業";
        if (variant == 2) {
            f.expert_id = expert1;
            f.state = SessionProgress::report_returned;
        }
        storage::Connection c(*db_);
        auto summary = repo(c).summary(f);
        long long engagements = 0, unassigned = 0, waiting = 0, overdue = 0;
        std::map<SessionProgress, long long> by_state;
        for (const auto& e : expected) {
            auto without_state = f;
            without_state.state.reset();
            if (matches(e, without_state)) ++by_state[e.current.progress];
            if (!matches(e, f)) continue;
            ++engagements;
            if (!e.expert_id) ++unassigned;
            waiting += e.waiting;
            overdue += e.overdue;
        }
        EXPECT_EQ(summary.engagements, engagements) << variant;
        EXPECT_EQ(summary.unassigned, unassigned) << variant;
        EXPECT_EQ(summary.reports_waiting, waiting) << variant;
        EXPECT_EQ(summary.overdue_tasks, overdue) << variant;
        ASSERT_EQ(summary.by_state.size(), core::session_progresses().size());
        for (const auto& entry : summary.by_state)
            EXPECT_EQ(entry.engagements, by_state[entry.state])
                << variant << " " << core::key_in(core::session_progresses(), entry.state);
        ASSERT_EQ(summary.industries.size(), 3u);
        EXPECT_EQ(summary.industries[0].industry, "小売業");  // byte order of UTF-8
        for (const auto& industry : summary.industries) EXPECT_EQ(industry.engagements, 20);
    }
}

TEST_F(DashboardData, ExpertsWorkload) {
    auto base = core::parse_civil_date(today).value();
    auto in_window = [&](const std::optional<std::string>& date) {
        return date && *date >= today &&
               *date < core::to_string(core::add_days(base, core::workload_days));
    };
    std::map<core::Id, core::ExpertWorkload> want;
    for (auto id : {expert1, expert2, expert3}) want[id].expert_id = id;
    storage::Connection c(*db_);
    auto all = repo(c).rows({}, 1000);
    for (const auto& row : all) {
        if (!row.expert_id) continue;
        auto& w = want[*row.expert_id];
        bool active = row.status == core::EngagementStatus::planned ||
                      row.status == core::EngagementStatus::in_progress;
        if (active) ++w.active_engagements;
        for (const auto& s : row.sessions)
            if (active && !s.held_on && in_window(s.planned_date)) ++w.sessions_next_30_days;
        w.reports_waiting += row.reports_waiting;
        w.overdue_tasks += row.overdue_tasks;
    }
    auto experts =
        walk_pages([&](const core::PageRequest& p) { return repo(c).experts(p); }, 2, 3, "experts");
    ASSERT_EQ(experts.size(), 3u);
    EXPECT_EQ(experts[0].name, "専門家 一");
    EXPECT_EQ(experts[2].name, "専門家 二");
    long long soon = 0;
    for (const auto& got : experts) {
        const auto& w = want[got.expert_id];
        EXPECT_EQ(got.active_engagements, w.active_engagements) << got.name;
        EXPECT_EQ(got.sessions_next_30_days, w.sessions_next_30_days) << got.name;
        EXPECT_EQ(got.reports_waiting, w.reports_waiting) << got.name;
        EXPECT_EQ(got.overdue_tasks, w.overdue_tasks) << got.name;
        EXPECT_TRUE(got.active);
        soon += got.sessions_next_30_days;
    }
    EXPECT_GT(soon, 0);
    EXPECT_EQ(experts[1].active_engagements, 0) << "an expert without engagements is listed";
}

TEST_F(DashboardData, ATamperedCursorIsAValidationError) {
    storage::Connection c(*db_);
    core::PageRequest p;
    p.after = "not-a-cursor";
    EXPECT_THROW(repo(c).page({}, p), core::DomainError);
}

}  // namespace
}  // namespace shido::testing
