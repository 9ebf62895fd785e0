#include "services/dashboard/dashboard_service.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "services/dashboard/dashboard_views.hpp"
#include "storage/dashboard/course_work_seed.hpp"
#include "support/domain_error.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using core::Anchor;
using core::EngagementAction;

// The demo: 株式会社サンプル製作所 (expert1, in progress, four dates) and サンプル運輸株式会社
// (expert2, planned, the first date only).
class DashboardServiceTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        jimu = demo_user("jimu");
        expert1 = demo_user("expert1");
        expert2 = demo_user("expert2");
        maker = services_->engagements.list(as(expert1), {}).items.at(0);
        carrier = services_->engagements.list(as(expert2), {}).items.at(0);
    }
    services::DashboardService& dashboard() { return services_->dashboard; }
    core::User jimu, expert1, expert2;
    core::Engagement maker, carrier;
};

TEST_F(DashboardServiceTest, OnlyTheSecretariat) {
    for (const char* who : {"expert1", "owner1"}) {
        auto user = demo_user(who);
        EXPECT_EQ(code_of([&] { dashboard().engagements(as(user), {}, {}); }),
                  core::ErrorCode::forbidden)
            << who;
        EXPECT_EQ(code_of([&] { dashboard().summary(as(user), {}); }), core::ErrorCode::forbidden);
        EXPECT_EQ(code_of([&] { dashboard().experts(as(user), {}); }), core::ErrorCode::forbidden);
        EXPECT_EQ(code_of([&] { dashboard().export_rows(as(user), {}); }),
                  core::ErrorCode::forbidden);
    }
    EXPECT_EQ(dashboard().engagements(as(jimu), {}, {}).total, 2);
}

TEST_F(DashboardServiceTest, FiltersAreCheckedByField) {
    services::DashboardQuery q;
    q.state = "finished";
    EXPECT_TRUE(fails_on("state", [&] { dashboard().engagements(as(jimu), q, {}); }));
    q = {};
    q.status = "open";
    EXPECT_TRUE(fails_on("status", [&] { dashboard().summary(as(jimu), q); }));
    q = {};
    q.expert = "x1";
    EXPECT_TRUE(fails_on("expert_id", [&] { dashboard().export_rows(as(jimu), q); }));
    q.expert = "-3";
    EXPECT_TRUE(fails_on("expert_id", [&] { dashboard().engagements(as(jimu), q, {}); }));
    // Empty values are no filter.
    q = {};
    q.state = q.status = q.industry = q.expert = "";
    EXPECT_EQ(dashboard().engagements(as(jimu), q, {}).total, 2);
}

TEST_F(DashboardServiceTest, StateExpertAndUnassignedFilters) {
    {
        storage::Connection c(*db_);
        storage::CourseWorkSeed seed;
        seed.sessions.push_back({maker.id, 1, "2026-12-03", "2026-12-03"});
        seed.reports.push_back({maker.id, 1, "submitted"});
        storage::write_course_work(c, seed, now_);
    }
    services::DashboardQuery q;
    q.state = "report_submitted";
    auto page = dashboard().engagements(as(jimu), q, {});
    ASSERT_EQ(page.total, 1);
    EXPECT_EQ(page.items[0].id, maker.id);
    EXPECT_EQ(page.items[0].reports_waiting, 1);
    EXPECT_EQ(page.items[0].current.no, 1);
    auto summary = dashboard().summary(as(jimu), q);
    EXPECT_EQ(summary.engagements, 1);
    EXPECT_EQ(summary.reports_waiting, 1);
    EXPECT_EQ(
        summary.by_state[static_cast<std::size_t>(core::SessionProgress::planned)].engagements,
        1);  // the carrier, counted without the state filter

    q = {};
    q.expert = std::to_string(expert2.id);
    page = dashboard().engagements(as(jimu), q, {});
    ASSERT_EQ(page.total, 1);
    EXPECT_EQ(page.items[0].id, carrier.id);

    services::EngagementInput unassign;
    unassign.version = carrier.version;
    unassign.expert_id = std::optional<core::Id>{};
    services_->engagements.update(
        as(jimu), grant(as(jimu), Anchor::engagement, carrier.id, EngagementAction::edit_plan),
        unassign);
    q.expert = "none";
    page = dashboard().engagements(as(jimu), q, {});
    ASSERT_EQ(page.total, 1);
    EXPECT_EQ(page.items[0].id, carrier.id);
    EXPECT_FALSE(page.items[0].expert_id);
    EXPECT_EQ(dashboard().summary(as(jimu), {}).unassigned, 1);
}

TEST_F(DashboardServiceTest, ReassignmentIsAuditedAndTheFormerExpertLosesAccessAtOnce) {
    auto view = [&](const core::User& who) {
        return grant(as(who), Anchor::engagement, maker.id, EngagementAction::view);
    };
    EXPECT_NO_THROW(view(expert1));
    services::EngagementInput move;
    move.version = maker.version;
    move.expert_id = std::optional<core::Id>(expert2.id);
    now_ += 60;
    services_->engagements.update(
        as(jimu), grant(as(jimu), Anchor::engagement, maker.id, EngagementAction::edit_plan), move);
    EXPECT_EQ(code_of([&] { view(expert1); }), core::ErrorCode::forbidden);
    EXPECT_NO_THROW(view(expert2));
    EXPECT_EQ(services_->engagements.list(as(expert1), {}).total, 0);

    services::AuditFilter filter;
    filter.entity = "engagement";
    filter.entity_id = maker.id;
    auto entries = services_->audit.list(as(jimu), filter).items;
    ASSERT_GE(entries.size(), 2u);
    EXPECT_EQ(entries[0].action, "update");
    EXPECT_EQ(entries[0].actor_id, jimu.id);
    EXPECT_EQ(nlohmann::json::parse(*entries[0].before_json)["expert_id"], expert1.id);
    EXPECT_EQ(nlohmann::json::parse(*entries[0].after_json)["expert_id"], expert2.id);

    services::DashboardQuery q;
    q.expert = std::to_string(expert2.id);
    EXPECT_EQ(dashboard().engagements(as(jimu), q, {}).total, 2);
}

TEST_F(DashboardServiceTest, ExportHoldsEveryFilteredRowAndNamesTheFilters) {
    services::DashboardQuery q;
    q.expert = std::to_string(expert1.id);
    q.state = "planned";
    auto table = dashboard().export_rows(as(jimu), q);
    ASSERT_EQ(table.rows.size(), 1u);
    EXPECT_EQ(table.rows[0].company_name, "株式会社サンプル製作所");
    EXPECT_EQ(table.sessions, 4);
    EXPECT_EQ(table.generated_on, services::today(env()));
    EXPECT_EQ(table.filters,
              (std::vector<std::string>{"担当専門家: 専門家 一郎", "現在の回の状況: 予定"}));
    EXPECT_TRUE(dashboard().export_rows(as(jimu), {}).filters.empty());
}

TEST_F(DashboardServiceTest, JsonShapes) {
    auto page = nlohmann::json::parse(
        services::dashboard_page_json(dashboard().engagements(as(jimu), {}, {})));
    ASSERT_EQ(page["items"].size(), 2u);
    const auto& row = page["items"][0];  // newest first: the carrier
    EXPECT_EQ(row["company_name"], "サンプル運輸株式会社");
    EXPECT_EQ(row["industry"], "運輸業（一般貨物）");
    EXPECT_EQ(row["state"], "planned");
    EXPECT_EQ(row["current_session"], 1);
    EXPECT_EQ(row["sessions"].size(), 4u);
    EXPECT_EQ(row["sessions"][1]["progress"], "unplanned");
    EXPECT_TRUE(page["next_after"].is_null());
    auto summary =
        nlohmann::json::parse(services::dashboard_summary_json(dashboard().summary(as(jimu), {})));
    EXPECT_EQ(summary["engagements"], 2);
    EXPECT_EQ(summary["by_state"].size(), 6u);
    EXPECT_EQ(summary["by_state"][1],
              (nlohmann::json{{"state", "planned"}, {"label", "予定"}, {"engagements", 2}}));
    auto experts = nlohmann::json::parse(
        services::expert_workload_page_json(dashboard().experts(as(jimu), {})));
    ASSERT_EQ(experts["total"], 2);
    EXPECT_EQ(experts["items"][0]["name"], "専門家 一郎");
    EXPECT_EQ(experts["items"][0]["active_engagements"], 1);
}

}  // namespace
}  // namespace shido::testing
