// The 様式3 tables on SQLite and PostgreSQL: rows kept by id across saves (sources included),
// the version guarding writes, approved versions kept as they were, statuses of many
// engagements in one query, and the schema refusing an unknown rating.
#include "storage/action_plan/action_plan_repository.hpp"

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using core::action_plan::Measure;
using core::documents::DocumentState;

class ActionPlanRepositoryTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        expert1 = demo_user("expert1");
        owner1 = demo_user("owner1");
        engagement_id = services_->engagements.list(as(expert1), {}).items.at(0).id;
    }
    static std::vector<Measure> rows() {
        Measure a;
        a.position = 1;
        a.area_key = "technical";
        a.situation = "アクセス権が部署ごとに設定されていない";
        a.urgency = core::diagnosis::Level::high;
        a.difficulty = core::diagnosis::Difficulty::easy;
        a.deadline = "2027-03-31";
        a.sources = {{core::action_plan::SourceKind::finding, "ipa-5min-3.1/4"}};
        Measure b;
        b.position = 2;
        b.area_key = "human";
        b.action = "年1回の教育";
        b.business_linked = true;
        b.feasibility = core::action_plan::Feasibility::feasible;
        b.progress = core::action_plan::Progress::in_progress;
        return {a, b};
    }
    core::User expert1, owner1;
    core::Id engagement_id = 0;
};

TEST_F(ActionPlanRepositoryTest, SavesRowsAndKeepsTheirIdsAcrossSaves) {
    storage::Connection c(*db_);
    storage::ActionPlanRepository repo(c);
    EXPECT_FALSE(repo.find(engagement_id));
    ASSERT_TRUE(repo.save(engagement_id, "ipa-3.1", 1, rows(), 0, expert1.id, now_));
    auto found = repo.find(engagement_id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->versions.version, 1);
    EXPECT_EQ(found->updated_by_name, expert1.name);
    ASSERT_EQ(found->measures.size(), 2u);
    const auto& a = found->measures[0];
    EXPECT_GT(a.id, 0);
    EXPECT_EQ(a.urgency, core::diagnosis::Level::high);
    EXPECT_EQ(a.difficulty, core::diagnosis::Difficulty::easy);
    EXPECT_FALSE(a.importance);
    EXPECT_EQ(a.deadline, "2027-03-31");
    ASSERT_EQ(a.sources.size(), 1u);
    EXPECT_EQ(a.sources[0].key, "ipa-5min-3.1/4");
    const auto& b = found->measures[1];
    EXPECT_TRUE(b.business_linked);
    EXPECT_EQ(b.progress, core::action_plan::Progress::in_progress);
    EXPECT_EQ(b.feasibility, core::action_plan::Feasibility::feasible);

    // The second save: the first row edited and moved last, the second removed, one added.
    auto edited = found->measures[0];
    edited.position = 2;
    edited.situation = "直した";
    Measure added;
    added.position = 1;
    added.area_key = "physical";
    ASSERT_TRUE(repo.save(engagement_id, "ipa-3.1", 1, {added, edited}, 1, expert1.id, now_ + 1));
    auto again = repo.find(engagement_id);
    ASSERT_EQ(again->measures.size(), 2u);
    EXPECT_EQ(again->versions.version, 2);
    EXPECT_EQ(again->measures[0].area_key, "physical");
    EXPECT_EQ(again->measures[1].id, a.id);
    EXPECT_EQ(again->measures[1].situation, "直した");
    EXPECT_EQ(again->measures[1].sources.size(), 1u);
}

TEST_F(ActionPlanRepositoryTest, AStaleVersionWritesNothing) {
    storage::Connection c(*db_);
    storage::ActionPlanRepository repo(c);
    ASSERT_TRUE(repo.save(engagement_id, "ipa-3.1", 1, rows(), 0, expert1.id, now_));
    EXPECT_FALSE(repo.save(engagement_id, "ipa-3.1", 1, rows(), 0, expert1.id, now_));
    EXPECT_FALSE(repo.save(engagement_id, "ipa-3.1", 1, {}, 4, expert1.id, now_));
    EXPECT_EQ(repo.find(engagement_id)->measures.size(), 2u);
    EXPECT_FALSE(repo.approve(engagement_id, 2, rows(), owner1.id, now_));
}

TEST_F(ActionPlanRepositoryTest, AnApprovedVersionIsKeptAsItWasAndStatusesFollow) {
    storage::Connection c(*db_);
    storage::ActionPlanRepository repo(c);
    auto other = services_->engagements.list(as(demo_user("expert2")), {}).items.at(0).id;
    ASSERT_TRUE(repo.save(engagement_id, "ipa-3.1", 1, rows(), 0, expert1.id, now_));
    EXPECT_FALSE(repo.approved(engagement_id));
    auto stored = repo.find(engagement_id)->measures;
    ASSERT_TRUE(repo.approve(engagement_id, 1, stored, owner1.id, now_ + 10));
    auto statuses = repo.statuses({engagement_id, other});
    EXPECT_EQ(statuses.at(engagement_id).state, DocumentState::approved);
    EXPECT_EQ(statuses.at(other).state, DocumentState::not_started);

    ASSERT_TRUE(repo.save(engagement_id, "ipa-3.1", 1, {}, 1, expert1.id, now_ + 20));
    EXPECT_EQ(repo.statuses({engagement_id}).at(engagement_id).state, DocumentState::draft);
    auto approved = repo.approved(engagement_id);
    ASSERT_TRUE(approved);
    EXPECT_EQ(approved->version, 1);
    EXPECT_EQ(approved->approved_by_name, owner1.name);
    EXPECT_EQ(approved->approved_at, now_ + 10);
    ASSERT_EQ(approved->measures.size(), 2u);
    EXPECT_EQ(approved->measures[0].situation, "アクセス権が部署ごとに設定されていない");
    // Only the plan's current, approved version can be handed in.
    EXPECT_FALSE(repo.submit(engagement_id, 1, {{"v", 1}}, now_ + 30));
    EXPECT_FALSE(repo.submitted(engagement_id));
}

TEST_F(ActionPlanRepositoryTest, SubmitKeepsTheSnapshotOfTheApprovedVersion) {
    storage::Connection c(*db_);
    storage::ActionPlanRepository repo(c);
    ASSERT_TRUE(repo.save(engagement_id, "ipa-3.1", 1, rows(), 0, expert1.id, now_));
    EXPECT_FALSE(repo.submit(engagement_id, 1, {{"v", 1}}, now_));  // not approved yet
    ASSERT_TRUE(repo.approve(engagement_id, 1, rows(), owner1.id, now_));
    ASSERT_TRUE(repo.submit(engagement_id, 1, {{"v", 1}}, now_ + 5));
    EXPECT_EQ((*repo.submitted(engagement_id))["v"], 1);
    auto status = repo.statuses({engagement_id}).at(engagement_id);
    EXPECT_EQ(status.state, DocumentState::submitted);
    EXPECT_EQ(status.submitted_at, now_ + 5);
}

TEST_F(ActionPlanRepositoryTest, TheSchemaRefusesAnUnknownRating) {
    storage::Connection c(*db_);
    ASSERT_TRUE(storage::ActionPlanRepository(c).save(engagement_id, "ipa-3.1", 1, rows(), 0,
                                                      expert1.id, now_));
    EXPECT_TRUE(violates_constraint([&] {
        c.sql() << "UPDATE action_plan_measures SET urgency = 'very_high' WHERE engagement_id = :e",
            soci::use(engagement_id);
    }));
}

}  // namespace
}  // namespace shido::testing
