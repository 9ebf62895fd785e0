#include "services/course/planning_service.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "support/domain_error.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using core::Anchor;
using core::EngagementAction;

class PlanningServiceTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        expert1 = demo_user("expert1");
        maker = services_->engagements.list(as(expert1), {}).items.at(0);
    }
    services::EngagementGrant planning() {
        return grant(as(expert1), Anchor::engagement, maker.id, EngagementAction::edit_plan);
    }
    static bool warns(const services::PlanCheck& check, core::PlanWarningKind kind, int no) {
        return std::any_of(
            check.warnings.begin(), check.warnings.end(),
            [&](const core::PlanWarning& w) { return w.kind == kind && w.session_no == no; });
    }

    core::User expert1;
    core::Engagement maker;
};

TEST_F(PlanningServiceTest, ProposesTheCoursesSessionsAroundTheShippedHolidays) {
    // Monday 4 January 2027: 第1回 a week later would be 11 January, 成人の日 in the shipped
    // holiday data, so it moves to the 12th; then every two weeks.
    auto check = services_->planning.propose(planning(), "2027-01-04");
    ASSERT_EQ(check.dates.size(), library_.curriculum.sessions.size());
    EXPECT_EQ(core::to_string(*check.dates[0]), "2027-01-12");
    EXPECT_EQ(core::to_string(*check.dates[1]), "2027-01-26");
    EXPECT_EQ(core::to_string(*check.dates[2]), "2027-02-09");
    // Two weeks later is 23 February, 天皇誕生日; the 24th would make the preparation longer
    // than two weeks, so the proposal takes Monday the 22nd.
    EXPECT_EQ(core::to_string(*check.dates[3]), "2027-02-22");
    EXPECT_FALSE(check.problem);
    EXPECT_TRUE(check.warnings.empty()) << check.warnings.front().message;
    for (const auto& date : check.dates) EXPECT_FALSE(core::is_weekend(*date));
}

TEST_F(PlanningServiceTest, ChecksGivenDatesAndNamesTheBlockingProblem) {
    auto check = services_->planning.check(
        planning(), {{1, "2027-01-09"}, {2, "2027-01-11"}, {3, "2027-01-05"}, {4, std::nullopt}});
    EXPECT_TRUE(warns(check, core::PlanWarningKind::weekend, 1));
    EXPECT_TRUE(warns(check, core::PlanWarningKind::holiday, 2));
    EXPECT_EQ(check.problem, "第3回は第2回より後の日付にしてください。");
    EXPECT_FALSE(check.dates[3]);
}

TEST_F(PlanningServiceTest, RefusesUnknownSessionsAndBadDates) {
    EXPECT_TRUE(
        fails_on("start_date", [&] { services_->planning.propose(planning(), "2027-02-30"); }));
    EXPECT_TRUE(fails_on("sessions.5", [&] {
        services_->planning.check(planning(), {{5, "2027-01-05"}});
    }));
    EXPECT_TRUE(fails_on("sessions.1", [&] {
        services_->planning.check(planning(), {{1, "next week"}});
    }));
}

TEST_F(PlanningServiceTest, SavingDatesOutOfOrderIsRefusedAndChangesNothing) {
    services::EngagementInput input;
    input.version = maker.version;
    input.sessions = {{1, "2027-01-12"}, {2, "2027-01-05"}};
    EXPECT_TRUE(fails_on("sessions",
                         [&] { services_->engagements.update(as(expert1), planning(), input); }));
    auto after = services_->engagements.get(
        grant(as(expert1), Anchor::engagement, maker.id, EngagementAction::view));
    EXPECT_EQ(after.version, maker.version);
}

TEST_F(PlanningServiceTest, AStaleSaveIsAConflictBeforeItsDatesAreJudged) {
    services::EngagementInput input;
    input.version = maker.version + 1;
    input.sessions = {{1, "2027-01-12"}, {2, "2027-01-05"}};
    EXPECT_EQ(code_of([&] { services_->engagements.update(as(expert1), planning(), input); }),
              core::ErrorCode::conflict);
}

}  // namespace
}  // namespace shido::testing
