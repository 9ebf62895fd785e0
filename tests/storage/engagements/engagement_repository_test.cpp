#include "storage/engagements/engagement_repository.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "support/domain_error.hpp"
#include "support/page_walk.hpp"
#include "support/seed.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using core::EngagementStatus;
using Kind = core::VisibleScope::Kind;

struct Seeded {
    core::Id id = 0, company_id = 0;
    std::string company_name;
    std::optional<core::Id> expert_id;
    EngagementStatus status;
};

// Twelve engagements of nine companies: two companies share a name (the id breaks the tie),
// names hold LIKE's metacharacters, and ASCII upper and lower case sort apart.
class EngagementPages : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        storage::Connection c(*db_);
        expert1 = insert_user(c, "x1@example.jp", "専門家 一", core::Role::expert, now_);
        expert2 = insert_user(c, "x2@example.jp", "専門家 二", core::Role::expert, now_);
        std::map<std::string, core::Id> company;
        for (const char* name :
             {"100%商事", "100_商事", "100\\商事", "100円商事", "Alpha", "alpha", "案件のない企業"})
            company[name] = insert_company(c, name, now_);
        sample_a = insert_company(c, "株式会社サンプル", now_);
        sample_b = insert_company(c, "株式会社サンプル", now_);
        struct Row {
            core::Id company;
            std::string name;
            std::optional<core::Id> expert;
            EngagementStatus status;
        };
        const Row rows[] = {
            {sample_a, "株式会社サンプル", expert1, EngagementStatus::in_progress},
            {company["100%商事"], "100%商事", expert2, EngagementStatus::planned},
            {sample_b, "株式会社サンプル", expert1, EngagementStatus::planned},
            {company["100_商事"], "100_商事", std::nullopt, EngagementStatus::planned},
            {company["100\\商事"], "100\\商事", expert1, EngagementStatus::completed},
            {sample_a, "株式会社サンプル", expert2, EngagementStatus::in_progress},
            {company["100円商事"], "100円商事", expert1, EngagementStatus::in_progress},
            {company["Alpha"], "Alpha", std::nullopt, EngagementStatus::cancelled},
            {company["alpha"], "alpha", expert2, EngagementStatus::in_progress},
            {sample_b, "株式会社サンプル", expert1, EngagementStatus::in_progress},
            {company["100%商事"], "100%商事", expert1, EngagementStatus::planned},
            {company["Alpha"], "Alpha", expert2, EngagementStatus::completed},
        };
        for (const auto& r : rows)
            seeded.push_back({insert_engagement(c, r.company, r.expert, r.status, now_), r.company,
                              r.name, r.expert, r.status});
    }

    // What the query must return, worked out here: scope and filters, then the sort.
    std::vector<long long> expected(const storage::EngagementQuery& q) const {
        std::vector<Seeded> rows;
        for (const auto& e : seeded) {
            if (q.scope.kind == Kind::nothing) continue;
            if (q.scope.kind == Kind::assigned_to_expert && e.expert_id != q.scope.id) continue;
            if (q.scope.kind == Kind::of_company && e.company_id != q.scope.id) continue;
            if (q.expert_id && e.expert_id != q.expert_id) continue;
            if (q.status && e.status != *q.status) continue;
            if (e.company_name.find(q.company_name_contains) == std::string::npos) continue;
            rows.push_back(e);
        }
        std::sort(rows.begin(), rows.end(), [&](const Seeded& a, const Seeded& b) {
            if (q.order == storage::EngagementOrder::newest) return a.id > b.id;
            return std::tie(a.company_name, a.id) < std::tie(b.company_name, b.id);
        });
        std::vector<long long> ids;
        for (const auto& e : rows) ids.push_back(e.id);
        return ids;
    }

    void expect_walk(storage::EngagementQuery q, const std::string& what) {
        storage::Connection c(*db_);
        storage::EngagementRepository repo(c);
        for (auto order : {storage::EngagementOrder::newest, storage::EngagementOrder::company}) {
            q.order = order;
            auto label =
                what + (order == storage::EngagementOrder::newest ? ", newest" : ", company");
            expect_pages(
                [&](const core::PageRequest& page) {
                    auto paged = q;
                    paged.page = page;
                    return repo.page(paged);
                },
                expected(q), label);
        }
    }

    static storage::EngagementQuery in(Kind kind, core::Id id = 0) {
        storage::EngagementQuery q;
        q.scope = {kind, id};
        return q;
    }

    core::Id expert1 = 0, expert2 = 0, sample_a = 0, sample_b = 0;
    std::vector<Seeded> seeded;
};

TEST_F(EngagementPages, EveryScopeWalksToTheEnd) {
    expect_walk(in(Kind::everything), "everything");
    expect_walk(in(Kind::assigned_to_expert, expert1), "expert 1");
    expect_walk(in(Kind::assigned_to_expert, expert2), "expert 2");
    expect_walk(in(Kind::of_company, sample_a), "company A");
    expect_walk(in(Kind::of_company, sample_b), "company B (same name)");
    expect_walk(in(Kind::nothing), "nothing");
}

TEST_F(EngagementPages, StatusFilter) {
    for (auto status : core::all_engagement_statuses) {
        auto q = in(Kind::everything);
        q.status = status;
        expect_walk(q, "status " + std::string(core::to_string(status)));
        q.scope = {Kind::assigned_to_expert, expert1};
        expect_walk(q, "expert 1, status " + std::string(core::to_string(status)));
    }
}

TEST_F(EngagementPages, ExpertFilterNarrowsButNeverWidens) {
    auto q = in(Kind::everything);
    q.expert_id = expert2;
    expect_walk(q, "everything, expert 2");
    q.scope = {Kind::assigned_to_expert, expert1};
    ASSERT_TRUE(expected(q).empty());
    expect_walk(q, "expert 1 asking for expert 2");
    q.scope = {Kind::of_company, sample_a};
    expect_walk(q, "company A, expert 2");
}

TEST_F(EngagementPages, NameFilterTakesLikeMetacharactersLiterally) {
    for (const char* text : {"%", "_", "\\", "0%", "0_", "100", "サンプル", "商事", "存在しない"}) {
        auto q = in(Kind::everything);
        q.company_name_contains = text;
        expect_walk(q, std::string("name contains ") + text);
    }
    auto percent = in(Kind::everything);
    percent.company_name_contains = "%";
    EXPECT_EQ(expected(percent).size(), 2u);  // the two engagements of 100%商事, no others
}

TEST_F(EngagementPages, FiltersCombine) {
    auto q = in(Kind::everything);
    q.status = EngagementStatus::in_progress;
    q.company_name_contains = "サンプル";
    q.expert_id = expert1;
    expect_walk(q, "in progress, サンプル, expert 1");
    q.scope = {Kind::of_company, sample_b};
    expect_walk(q, "company B, in progress, サンプル, expert 1");
}

TEST_F(EngagementPages, RowsCarryTheirJoinedFields) {
    storage::Connection c(*db_);
    auto q = in(Kind::everything);
    q.company_name_contains = "100%";
    q.page.limit = 1;
    auto page = storage::EngagementRepository(c).page(q);
    ASSERT_EQ(page.items.size(), 1u);
    EXPECT_EQ(page.total, 2);
    const auto& e = page.items[0];
    EXPECT_EQ(e.id, seeded[10].id);  // newest first
    EXPECT_EQ(e.company_name, "100%商事");
    EXPECT_EQ(e.expert_id, expert1);
    EXPECT_EQ(e.expert_name, "専門家 一");
    EXPECT_EQ(e.status, EngagementStatus::planned);
    EXPECT_EQ(e.version, 1);
    EXPECT_EQ(e.created_at, now_);
    ASSERT_TRUE(page.next_after);
}

TEST_F(EngagementPages, RowsAddedWhileReadingDoNotShiftLaterPages) {
    storage::Connection c(*db_);
    storage::EngagementRepository repo(c);
    auto q = in(Kind::everything);
    q.page.limit = 5;
    auto first = repo.page(q);
    ASSERT_TRUE(first.next_after);
    insert_engagement(c, sample_a, expert1, EngagementStatus::planned, now_);  // newest of all
    q.page.after = first.next_after;
    auto second = repo.page(q);
    EXPECT_EQ(second.total, 13);
    ASSERT_EQ(second.items.size(), 5u);
    EXPECT_EQ(second.items[0].id, seeded[6].id);  // right after the first page's last row
}

TEST_F(EngagementPages, CursorOfAnotherSortOrGarbageIsAValidationError) {
    storage::Connection c(*db_);
    storage::EngagementRepository repo(c);
    auto newest = in(Kind::everything);
    newest.page.limit = 2;
    auto company = newest;
    company.order = storage::EngagementOrder::company;
    auto newest_cursor = repo.page(newest).next_after;
    auto company_cursor = repo.page(company).next_after;
    ASSERT_TRUE(newest_cursor && company_cursor);
    newest.page.after = company_cursor;
    company.page.after = newest_cursor;
    EXPECT_TRUE(fails_on("after", [&] { repo.page(newest); }));
    EXPECT_TRUE(fails_on("after", [&] { repo.page(company); }));
    newest.page.after = "not a cursor";
    EXPECT_TRUE(fails_on("after", [&] { repo.page(newest); }));
    company.page.after = core::encode_cursor({"株式会社サンプル", "0"});
    EXPECT_TRUE(fails_on("after", [&] { repo.page(company); }));
}

using EngagementRepositoryTest = DatabaseTest;

TEST_F(EngagementRepositoryTest, SessionDatesRoundTrip) {
    storage::Connection c(*db_);
    storage::EngagementRepository repo(c);
    core::Engagement e = engagement_on_current_course();
    e.company_id = insert_company(c, "日程株式会社", now_);
    e.sessions[1].planned_date = "2027-01-05";
    e.sessions[1].start_time = "13:30";
    e.sessions[1].mode = core::SessionMode::web;
    e.sessions[1].meeting_url = "https://meet.example.jp/1";
    auto id = repo.insert(e, now_);
    auto found = repo.find(id);
    ASSERT_TRUE(found);
    EXPECT_FALSE(found->sessions[0].planned_date);
    EXPECT_EQ(found->sessions[1].planned_date, "2027-01-05");
    EXPECT_EQ(found->sessions[1].start_time, "13:30");
    EXPECT_EQ(found->sessions[1].mode, core::SessionMode::web);
    EXPECT_EQ(found->sessions[1].meeting_url, "https://meet.example.jp/1");
    EXPECT_FALSE(found->sessions[1].place);
    EXPECT_EQ(found->sessions.size(), e.sessions.size());
    EXPECT_EQ(found->course_id, e.course_id);
    EXPECT_FALSE(found->expert_id);
    EXPECT_FALSE(found->expert_name);
    EXPECT_FALSE(repo.find(id + 1000));
}

TEST_F(EngagementRepositoryTest, StaleVersionDoesNotUpdate) {
    storage::Connection c(*db_);
    storage::EngagementRepository repo(c);
    core::Engagement e = engagement_on_current_course();
    e.company_id = insert_company(c, "版管理株式会社", now_);
    e.id = repo.insert(e, now_);
    e.status = EngagementStatus::in_progress;
    EXPECT_TRUE(repo.update(e, 1, now_ + 5));
    EXPECT_FALSE(repo.update(e, 1, now_ + 6));
    auto stored = repo.find(e.id);
    EXPECT_EQ(stored->version, 2);
    EXPECT_EQ(stored->updated_at, now_ + 5);
    EXPECT_EQ(stored->status, EngagementStatus::in_progress);
}

}  // namespace
}  // namespace shido::testing
