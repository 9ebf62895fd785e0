#include "storage/access/anchor_repository.hpp"

#include <gtest/gtest.h>

#include "storage/diagnosis/diagnosis_repository.hpp"
#include "support/seed.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using core::Anchor;

// Two companies: the first with an engagement of expert 1 (with a round and a sheet) and an
// unassigned one, the second with an engagement of expert 2; a third company has none.
class AnchorRepositoryTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        storage::Connection c(*db_);
        expert1 = insert_user(c, "x1@example.jp", "専門家 一", core::Role::expert, now_);
        expert2 = insert_user(c, "x2@example.jp", "専門家 二", core::Role::expert, now_);
        maker = insert_company(c, "製作所", now_);
        carrier = insert_company(c, "運輸", now_);
        lonely = insert_company(c, "案件なし", now_);
        assigned = insert_engagement(c, maker, expert1, core::EngagementStatus::planned, now_);
        unassigned =
            insert_engagement(c, maker, std::nullopt, core::EngagementStatus::planned, now_);
        carried = insert_engagement(c, carrier, expert2, core::EngagementStatus::planned, now_);
        storage::DiagnosisRepository repo(c);
        round = repo.insert_round(assigned, "ipa-5min-3.1", "第1回前", now_);
        unassigned_round = repo.insert_round(unassigned, "ipa-5min-3.1", "第1回前", now_);
        storage::RespondentRow sheet;
        sheet.round_id = round;
        sheet.role = "staff";
        sheet.source = "paper";
        respondent = repo.insert_respondent(sheet, std::nullopt, now_);
        sheet.round_id = unassigned_round;
        unassigned_respondent = repo.insert_respondent(sheet, std::nullopt, now_);
    }

    std::optional<storage::AnchoredEngagement> find(Anchor anchor, core::Id id,
                                                    const core::Actor& actor) {
        storage::Connection c(*db_);
        return storage::find_anchored_engagement(c, anchor, id, actor);
    }

    static core::Actor expert(core::Id id) { return {id, core::Role::expert, {}, "専門家", {}}; }
    const core::Actor secretariat{0, core::Role::secretariat, {}, "事務局", {}};

    void expect_engagement(Anchor anchor, core::Id id, core::Id engagement, core::Id company,
                           std::optional<core::Id> expert_id) {
        auto found = find(anchor, id, secretariat);
        ASSERT_TRUE(found) << core::to_string(anchor) << " " << id;
        EXPECT_EQ(found->engagement_id, engagement);
        EXPECT_EQ(found->scope.company_id, company);
        EXPECT_EQ(found->scope.expert_id, expert_id);
    }

    core::Id expert1 = 0, expert2 = 0, maker = 0, carrier = 0, lonely = 0;
    core::Id assigned = 0, unassigned = 0, carried = 0, round = 0, unassigned_round = 0;
    core::Id respondent = 0, unassigned_respondent = 0;
};

TEST_F(AnchorRepositoryTest, EachAnchorLeadsToItsEngagement) {
    expect_engagement(Anchor::engagement, assigned, assigned, maker, expert1);
    expect_engagement(Anchor::engagement, unassigned, unassigned, maker, std::nullopt);
    expect_engagement(Anchor::engagement, carried, carried, carrier, expert2);
    expect_engagement(Anchor::diagnosis_round, round, assigned, maker, expert1);
    expect_engagement(Anchor::diagnosis_round, unassigned_round, unassigned, maker, std::nullopt);
    expect_engagement(Anchor::respondent, respondent, assigned, maker, expert1);
    expect_engagement(Anchor::respondent, unassigned_respondent, unassigned, maker, std::nullopt);
}

TEST_F(AnchorRepositoryTest, TheActorDoesNotChangeAnEngagementsScope) {
    for (const auto& actor : {secretariat, expert(expert1), expert(expert2)}) {
        auto found = find(Anchor::respondent, respondent, actor);
        ASSERT_TRUE(found);
        EXPECT_EQ(found->scope.expert_id, expert1);
    }
}

TEST_F(AnchorRepositoryTest, MissingRecordsGiveNothing) {
    for (auto anchor : core::all_anchors) {
        for (core::Id id : {core::Id{0}, core::Id{-1}, core::Id{987654}})
            EXPECT_FALSE(find(anchor, id, secretariat)) << core::to_string(anchor) << " " << id;
    }
}

TEST_F(AnchorRepositoryTest, CompanyNamesTheActorAsExpertOnlyWhenAssigned) {
    auto as_expert1 = find(Anchor::company, maker, expert(expert1));
    ASSERT_TRUE(as_expert1);
    EXPECT_EQ(as_expert1->engagement_id, 0);
    EXPECT_EQ(as_expert1->scope.company_id, maker);
    EXPECT_EQ(as_expert1->scope.expert_id, expert1);

    auto as_expert2 = find(Anchor::company, maker, expert(expert2));
    ASSERT_TRUE(as_expert2);
    EXPECT_EQ(as_expert2->scope.company_id, maker);
    EXPECT_FALSE(as_expert2->scope.expert_id);

    auto carrier_for_2 = find(Anchor::company, carrier, expert(expert2));
    ASSERT_TRUE(carrier_for_2);
    EXPECT_EQ(carrier_for_2->scope.expert_id, expert2);

    auto nobody = find(Anchor::company, lonely, expert(expert1));
    ASSERT_TRUE(nobody);
    EXPECT_EQ(nobody->scope.company_id, lonely);
    EXPECT_FALSE(nobody->scope.expert_id);
}

TEST_F(AnchorRepositoryTest, CompanyNamesNoExpertForOtherRoles) {
    // A secretariat or company user whose id equals an assigned expert's is still no expert.
    const core::Actor secretariat_with_that_id{expert1, core::Role::secretariat, {}, "事務局", {}};
    const core::Actor member_with_that_id{expert1, core::Role::company, maker, "社員",
                                          core::CompanyRole::manager};
    for (const auto& actor : {secretariat, secretariat_with_that_id, member_with_that_id}) {
        auto found = find(Anchor::company, maker, actor);
        ASSERT_TRUE(found);
        EXPECT_EQ(found->scope.company_id, maker);
        EXPECT_FALSE(found->scope.expert_id);
    }
}

// The lookups are prepared once per connection: reusing them must not carry values over.
TEST_F(AnchorRepositoryTest, RepeatedLookupsOnOneConnectionDoNotCarryOver) {
    storage::Connection c(*db_);
    auto first = storage::find_anchored_engagement(c, Anchor::engagement, assigned, secretariat);
    auto second = storage::find_anchored_engagement(c, Anchor::engagement, unassigned, secretariat);
    auto missing = storage::find_anchored_engagement(c, Anchor::engagement, 987654, secretariat);
    auto third = storage::find_anchored_engagement(c, Anchor::engagement, carried, secretariat);
    ASSERT_TRUE(first && second && third);
    EXPECT_EQ(first->scope.expert_id, expert1);
    EXPECT_FALSE(second->scope.expert_id);
    EXPECT_FALSE(missing);
    EXPECT_EQ(third->scope.expert_id, expert2);
    EXPECT_EQ(third->scope.company_id, carrier);

    auto assigned_view =
        storage::find_anchored_engagement(c, Anchor::company, maker, expert(expert1));
    auto other_view = storage::find_anchored_engagement(c, Anchor::company, maker, expert(expert2));
    ASSERT_TRUE(assigned_view && other_view);
    EXPECT_EQ(assigned_view->scope.expert_id, expert1);
    EXPECT_FALSE(other_view->scope.expert_id);
}

}  // namespace
}  // namespace shido::testing
