#include "services/access/access_service.hpp"

#include <gtest/gtest.h>

#include "storage/diagnosis/diagnosis_repository.hpp"
#include "support/domain_error.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using core::Anchor;
using core::EngagementAction;

// The demo's 株式会社サンプル製作所 engagement (expert1, owner1) has a round with five paper
// sheets; サンプル運輸株式会社's (expert2, owner2) has none.
class AccessServiceTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        jimu = demo_user("jimu");
        expert1 = demo_user("expert1");
        expert2 = demo_user("expert2");
        owner1 = demo_user("owner1");
        owner2 = demo_user("owner2");
        manager1 = add_user("manager1@example.jp", "総務 花子", core::Role::company,
                            owner1.company_id, "manager");
        maker = services_->engagements.list(as(expert1), {}).items.at(0);
        storage::Connection c(*db_);
        storage::DiagnosisRepository repo(c);
        round = repo.list_rounds(maker.id).at(0).id;
        respondent = repo.list_respondents(round).at(0).id;
    }
    services::EngagementGrant grant_as(const core::User& user, Anchor anchor, core::Id id,
                                       EngagementAction action) {
        return grant(as(user), anchor, id, action);
    }
    core::User jimu, expert1, expert2, owner1, owner2, manager1;
    core::Engagement maker;
    core::Id round = 0, respondent = 0;
};

TEST_F(AccessServiceTest, AGrantNamesItsEngagementRecordAndAction) {
    auto on_round =
        grant_as(expert1, Anchor::diagnosis_round, round, EngagementAction::manage_diagnosis);
    EXPECT_EQ(on_round.engagement_id(), maker.id);
    EXPECT_EQ(on_round.scope().company_id, maker.company_id);
    EXPECT_EQ(on_round.scope().expert_id, expert1.id);
    EXPECT_EQ(on_round.action(), EngagementAction::manage_diagnosis);
    EXPECT_EQ(on_round.id_of(Anchor::diagnosis_round), round);
    EXPECT_NO_THROW(on_round.require(EngagementAction::manage_diagnosis));

    auto on_respondent = grant_as(owner1, Anchor::respondent, respondent, EngagementAction::view);
    EXPECT_EQ(on_respondent.engagement_id(), maker.id);
    EXPECT_EQ(on_respondent.id_of(Anchor::respondent), respondent);

    auto on_engagement = grant_as(jimu, Anchor::engagement, maker.id, EngagementAction::view_audit);
    EXPECT_EQ(on_engagement.id_of(Anchor::engagement), maker.id);

    auto on_company = grant_as(expert1, Anchor::company, maker.company_id, EngagementAction::view);
    // A company may have several engagements: its grant names none, and asking is a bug.
    EXPECT_THROW(on_company.engagement_id(), std::logic_error);
    EXPECT_EQ(on_company.id_of(Anchor::company), maker.company_id);
}

TEST_F(AccessServiceTest, AGrantIsForItsAnchorAndActionOnly) {
    auto g = grant_as(expert1, Anchor::diagnosis_round, round, EngagementAction::manage_diagnosis);
    for (auto anchor : {Anchor::engagement, Anchor::respondent, Anchor::company})
        EXPECT_THROW(g.id_of(anchor), std::logic_error) << core::to_string(anchor);
    for (auto action : core::all_engagement_actions) {
        if (action == EngagementAction::manage_diagnosis) continue;
        EXPECT_THROW(g.require(action), std::logic_error) << core::to_string(action);
    }
}

TEST_F(AccessServiceTest, MissingRecordsAreNotFoundForEveryone) {
    for (auto anchor : core::all_anchors) {
        for (const auto* user : {&jimu, &expert1, &owner1}) {
            EXPECT_EQ(code_of([&] { grant_as(*user, anchor, 999999, EngagementAction::view); }),
                      core::ErrorCode::not_found)
                << core::to_string(anchor) << " as " << user->email;
        }
    }
}

TEST_F(AccessServiceTest, EveryAnchorIsJudgedByItsEngagement) {
    struct Expectation {
        const core::User* user;
        EngagementAction action;
        bool allowed;
    };
    const Expectation expectations[] = {
        {&jimu, EngagementAction::assign_expert, true},
        {&jimu, EngagementAction::view_audit, true},
        {&expert1, EngagementAction::manage_diagnosis, true},
        {&expert1, EngagementAction::record_findings, true},
        {&expert1, EngagementAction::view_audit, false},
        {&expert1, EngagementAction::assign_expert, false},
        {&expert2, EngagementAction::view, false},
        {&expert2, EngagementAction::manage_diagnosis, false},
        {&owner1, EngagementAction::view, true},
        {&owner1, EngagementAction::manage_diagnosis, true},
        {&owner1, EngagementAction::record_findings, false},
        {&owner1, EngagementAction::edit_plan, false},
        {&manager1, EngagementAction::view, true},
        {&manager1, EngagementAction::manage_diagnosis, false},
        {&owner2, EngagementAction::view, false},
    };
    const std::pair<Anchor, core::Id> records[] = {{Anchor::engagement, maker.id},
                                                   {Anchor::diagnosis_round, round},
                                                   {Anchor::respondent, respondent}};
    for (const auto& [anchor, id] : records) {
        for (const auto& e : expectations) {
            auto what = std::string(core::to_string(anchor)) + " / " + e.user->email + " / " +
                        std::string(core::to_string(e.action));
            if (e.allowed) {
                EXPECT_NO_THROW(grant_as(*e.user, anchor, id, e.action)) << what;
            } else {
                EXPECT_EQ(code_of([&] { grant_as(*e.user, anchor, id, e.action); }),
                          core::ErrorCode::forbidden)
                    << what;
            }
        }
    }
}

TEST_F(AccessServiceTest, ACompanyIsViewedByItsMembersAndAssignedExperts) {
    auto company = maker.company_id;
    for (const auto* user : {&jimu, &expert1, &owner1, &manager1})
        EXPECT_NO_THROW(grant_as(*user, Anchor::company, company, EngagementAction::view))
            << user->email;
    for (const auto* user : {&expert2, &owner2})
        EXPECT_EQ(
            code_of([&] { grant_as(*user, Anchor::company, company, EngagementAction::view); }),
            core::ErrorCode::forbidden)
            << user->email;
}

}  // namespace
}  // namespace shido::testing
