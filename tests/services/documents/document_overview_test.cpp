// The engagement page's documents: every kind a domain reports, with the sessions of the
// engagement's own course that make or review it, for anyone who may view the engagement.
#include <gtest/gtest.h>

#include "services/documents/document_overview_service.hpp"
#include "support/grant_checks.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using core::Anchor;
using core::EngagementAction;
using core::documents::DocumentKind;
using core::documents::DocumentState;
using core::documents::DocumentStatus;

class DocumentOverviewTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        expert1 = demo_user("expert1");
        maker = services_->engagements.list(as(expert1), {}).items.at(0);
    }
    // A domain's status reader that answers from the engagement it is asked about, so a test
    // sees that the overview asks about the granted engagement.
    static services::DocumentStatusesSource reports(DocumentKind kind, DocumentState state) {
        return [kind, state](storage::Connection&, const std::vector<core::Id>& ids) {
            std::map<core::Id, DocumentStatus> out;
            for (auto id : ids) out[id] = DocumentStatus{kind, state, id, std::nullopt};
            return out;
        };
    }
    // A domain that has nothing for the engagement yet.
    static services::DocumentStatusesSource knows_nothing() {
        return [](storage::Connection&, const std::vector<core::Id>&) {
            return std::map<core::Id, DocumentStatus>{};
        };
    }
    core::User expert1;
    core::Engagement maker;
};

TEST_F(DocumentOverviewTest, ListsTheReportedKindsInTheirOrderWithTheirSessions) {
    services::DocumentOverviewService overview(
        env(),
        {{DocumentKind::rules_check, reports(DocumentKind::rules_check, DocumentState::draft)},
         {DocumentKind::hearing_sheet,
          reports(DocumentKind::hearing_sheet, DocumentState::submitted)}});
    auto items =
        overview.overview(grant(as(expert1), Anchor::engagement, maker.id, EngagementAction::view));
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].status.kind, DocumentKind::hearing_sheet);
    EXPECT_EQ(items[0].status.state, DocumentState::submitted);
    EXPECT_EQ(items[0].status.updated_at, maker.id);
    ASSERT_EQ(items[0].sessions.size(), 1u);
    EXPECT_EQ(items[0].sessions[0].no, 1);
    EXPECT_EQ(items[1].status.kind, DocumentKind::rules_check);
    ASSERT_EQ(items[1].sessions.size(), 3u);  // made in 2, checked again in 3 and 4
    EXPECT_EQ(items[1].sessions[0].no, 2);
    EXPECT_FALSE(items[1].sessions[0].review);
    EXPECT_TRUE(items[1].sessions[2].review);
}

TEST_F(DocumentOverviewTest, AnEngagementADomainLeavesOutIsNotStarted) {
    services::DocumentOverviewService overview(env(),
                                               {{DocumentKind::basic_policy, knows_nothing()}});
    auto items =
        overview.overview(grant(as(expert1), Anchor::engagement, maker.id, EngagementAction::view));
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].status.kind, DocumentKind::basic_policy);
    EXPECT_EQ(items[0].status.state, DocumentState::not_started);
    EXPECT_FALSE(items[0].status.updated_at);
}

TEST_F(DocumentOverviewTest, NeedsOnlyTheRightToViewTheEngagement) {
    services::DocumentOverviewService overview(env(), {});
    expect_requires_action(services_->access, Anchor::engagement, maker.id, EngagementAction::view,
                           [&](const services::EngagementGrant& g) { overview.overview(g); });
}

}  // namespace
}  // namespace shido::testing
