#include "services/diagnosis/round_analysis_service.hpp"

#include <gtest/gtest.h>

#include "support/domain_error.hpp"
#include "support/grant_checks.hpp"
#include "support/round_fixture.hpp"

namespace shido::testing {
namespace {

using core::Anchor;
using core::EngagementAction;
using RoundAnalysisServiceTest = RoundTest;

TEST_F(RoundAnalysisServiceTest, AnalysisShowsGapsBetweenOwnerAndStaff) {
    submitted("owner", "done");
    for (int i = 0; i < 2; ++i) {
        auto staff = invite_one("staff");
        answer_all(staff.token, "done");
        diagnosis().answer_sheets.save_answer(staff.token, 4, "not_done");
        diagnosis().answer_sheets.submit(staff.token, "test");
    }
    invite_one("manager");  // invited, never answers
    auto result = diagnosis().analysis.analysis(on_round());
    EXPECT_EQ(result.detail.round.id, round);
    EXPECT_EQ(result.analysis.respondents.size(), 3u);  // submitted sheets only
    ASSERT_FALSE(result.analysis.gap_items.empty());
    EXPECT_EQ(result.analysis.gap_items.front(), 4);
    EXPECT_DOUBLE_EQ(result.analysis.items[3].role_gap, 4.0);
    EXPECT_EQ(result.respondents.size(), 4u);  // every sheet, for progress
}

TEST_F(RoundAnalysisServiceTest, ComparisonOfTwoRounds) {
    submitted("owner", "partial");
    auto final_round = diagnosis().rounds.open(as(expert), on_engagement(), "最終").id;
    auto after = diagnosis()
                     .invitations
                     .invite(as(expert), on_round(final_round),
                             {"owner", "", "", std::nullopt, std::nullopt})
                     .at(0);
    answer_all(after.token, "done");
    diagnosis().answer_sheets.submit(after.token, "test");
    auto c = diagnosis().analysis.compare(on_engagement(), round, final_round);
    EXPECT_EQ(c.from.id, round);
    EXPECT_EQ(c.to.id, final_round);
    EXPECT_DOUBLE_EQ(c.result.before_total_mean, 50.0);
    EXPECT_DOUBLE_EQ(c.result.after_total_mean, 100.0);
}

TEST_F(RoundAnalysisServiceTest, RoundsOfAnotherEngagementAreNotFoundUnderThisOne) {
    auto jimu = demo_user("jimu");
    auto carrier = services_->engagements.list(as(demo_user("owner2")), {}).items.at(0).id;
    auto on_carrier =
        grant(as(jimu), Anchor::engagement, carrier, EngagementAction::manage_diagnosis);
    auto carrier_round = diagnosis().rounds.open(as(jimu), on_carrier, "第1回前").id;
    EXPECT_EQ(code_of([&] { diagnosis().analysis.compare(on_carrier, round, carrier_round); }),
              core::ErrorCode::not_found);
    EXPECT_EQ(code_of([&] { diagnosis().analysis.compare(on_engagement(), round, carrier_round); }),
              core::ErrorCode::not_found);
    EXPECT_EQ(code_of([&] { diagnosis().analysis.compare(on_engagement(), round, 999999); }),
              core::ErrorCode::not_found);
    // The expert of this engagement cannot even ask under the other one.
    EXPECT_EQ(code_of([&] {
                  grant(as(expert), Anchor::engagement, carrier,
                        EngagementAction::manage_diagnosis);
              }),
              core::ErrorCode::forbidden);
}

TEST_F(RoundAnalysisServiceTest, TheReportCarriesTheEngagementAndPriorities) {
    submitted("owner", "done");
    core::diagnosis::Finding key;
    key.item_no = 7;
    key.finding = "誤送信対策";
    key.key_area = true;
    diagnosis().findings.save(as(expert), on_round(EngagementAction::record_findings), key);
    auto report = diagnosis().analysis.report(on_round());
    EXPECT_EQ(report.company_name, "株式会社サンプル製作所");
    EXPECT_EQ(report.industry, "製造業（金属加工）");
    EXPECT_EQ(report.expert_name, "専門家 一郎");
    EXPECT_EQ(report.round_name, "第1回前");
    EXPECT_EQ(report.generated_on, "2027-01-15");
    ASSERT_NE(report.instrument, nullptr);
    EXPECT_EQ(report.analysis.respondents.size(), 1u);
    ASSERT_EQ(report.findings.size(), 1u);
    ASSERT_EQ(report.priorities.size(), 1u);
    EXPECT_EQ(report.priorities[0].item_no, 7);
}

TEST_F(RoundAnalysisServiceTest, UseCasesRefuseGrantsForAnotherActionOrRecord) {
    auto& analysis = diagnosis().analysis;
    const auto manage = EngagementAction::manage_diagnosis;
    const UseCase on_a_round[] = {
        [&](const auto& g) { analysis.analysis(g); },
        [&](const auto& g) { analysis.report(g); },
    };
    for (const auto& use : on_a_round) {
        expect_requires_action(services_->access, Anchor::diagnosis_round, round, manage, use);
        expect_requires_anchor(services_->access, Anchor::engagement, engagement, manage,
                               Anchor::diagnosis_round, use);
    }
    expect_requires_action(services_->access, Anchor::engagement, engagement, manage,
                           [&](const auto& g) { analysis.compare(g, round, round); });
}

}  // namespace
}  // namespace shido::testing
