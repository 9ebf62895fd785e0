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

namespace shido::testing {
namespace {

// A course like the shipped one with `count` sessions, under its own id: nothing may assume four.
content::Curriculum course_with(const content::Curriculum& base, int count) {
    content::Curriculum course = base;
    course.id = "course-" + std::to_string(count);
    course.sessions.clear();
    for (int no = 1; no <= count; ++no) {
        auto session = base.sessions[static_cast<std::size_t>(std::min(no, 4) - 1)];
        session.no = no;
        session.title = "第" + std::to_string(no) + "回";
        course.sessions.push_back(session);
    }
    return course;
}

class CourseLengthTest : public DatabaseTest, public ::testing::WithParamInterface<int> {};

TEST_P(CourseLengthTest, AnEngagementKeepsTheCourseItWasOpenedOnWithItsSessions) {
    const int count = GetParam();
    auto jimu = demo_user("jimu");
    auto expert1 = demo_user("expert1");
    auto shipped = library_.curriculum;
    library_.curriculum = course_with(shipped, count);
    library_.courses.emplace(library_.curriculum.id, library_.curriculum);

    services::EngagementInput input;
    input.company_id = services_->engagements.list(as(expert1), {}).items.at(0).company_id;
    input.expert_id = std::optional<core::Id>(expert1.id);
    auto created = services_->engagements.create(as(jimu), input);
    EXPECT_EQ(created.course_id, "course-" + std::to_string(count));
    ASSERT_EQ(created.sessions.size(), static_cast<std::size_t>(count));

    auto plan = grant(as(expert1), Anchor::engagement, created.id, EngagementAction::edit_plan);
    auto proposal = services_->planning.propose(plan, "2027-03-01");
    EXPECT_EQ(proposal.dates.size(), static_cast<std::size_t>(count));

    services::EngagementInput change;
    change.version = created.version;
    change.sessions = {{count, "2027-06-01"}};
    auto updated = services_->engagements.update(as(expert1), plan, change);
    EXPECT_EQ(updated.sessions.back().planned_date, "2027-06-01");
    change.version = updated.version;
    change.sessions = {{count + 1, "2027-06-08"}};
    EXPECT_TRUE(fails_on("sessions." + std::to_string(count + 1),
                         [&] { services_->engagements.update(as(expert1), plan, change); }));

    // The current course changing later does not change an engagement opened earlier.
    library_.curriculum = shipped;
    auto again = services_->engagements.get(
        grant(as(expert1), Anchor::engagement, created.id, EngagementAction::view));
    EXPECT_EQ(again.sessions.size(), static_cast<std::size_t>(count));
    EXPECT_EQ(services_->planning.propose(plan, "2027-03-01").dates.size(),
              static_cast<std::size_t>(count));
}

INSTANTIATE_TEST_SUITE_P(ThreeFourFive, CourseLengthTest, ::testing::Values(3, 4, 5));

TEST_F(PlanningServiceTest, ASessionIsPlannedWithTimesModeAndPlaceAndOnlySentFieldsChange) {
    services::EngagementInput change;
    change.version = maker.version;
    services::SessionInput first{1};
    first.start_time = std::optional<std::string>("13:30");
    first.end_time = std::optional<std::string>("16:30");
    first.mode = std::optional<std::string>("web");
    first.meeting_tool = std::optional<std::string>("Microsoft Teams");
    first.meeting_url = std::optional<std::string>("https://teams.example.jp/meet/1");
    change.sessions = {first};
    auto updated = services_->engagements.update(as(expert1), planning(), change);
    const auto& s = updated.sessions[0];
    EXPECT_EQ(s.start_time, "13:30");
    EXPECT_EQ(s.end_time, "16:30");
    EXPECT_EQ(s.mode, core::SessionMode::web);
    EXPECT_EQ(s.meeting_url, "https://teams.example.jp/meet/1");
    EXPECT_EQ(s.planned_date, maker.sessions[0].planned_date) << "absent fields are kept";

    services::SessionInput visit{1};
    visit.mode = std::optional<std::string>("visit");
    visit.meeting_url = std::optional<std::string>{};  // null: cleared
    visit.place = std::optional<std::string>("本社 2階会議室");
    change.version = updated.version;
    change.sessions = {visit};
    auto moved = services_->engagements.update(as(expert1), planning(), change);
    EXPECT_EQ(moved.sessions[0].mode, core::SessionMode::visit);
    EXPECT_FALSE(moved.sessions[0].meeting_url);
    EXPECT_EQ(moved.sessions[0].place, "本社 2階会議室");
    EXPECT_EQ(moved.sessions[0].start_time, "13:30");
}

TEST_F(PlanningServiceTest, BadSessionDetailsAreRefusedFieldByField) {
    services::EngagementInput change;
    change.version = maker.version;
    services::SessionInput bad{2};
    bad.start_time = std::optional<std::string>("16:30");
    bad.end_time = std::optional<std::string>("13:30");
    bad.mode = std::optional<std::string>("phone");
    bad.meeting_url = std::optional<std::string>("javascript:alert(1)");
    services::SessionInput late{3};
    late.start_time = std::optional<std::string>("25:00");
    change.sessions = {bad, late};
    try {
        services_->engagements.update(as(expert1), planning(), change);
        FAIL() << "accepted";
    } catch (const core::DomainError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::validation);
        for (const char* field : {"sessions.2.end_time", "sessions.2.mode",
                                  "sessions.2.meeting_url", "sessions.3.start_time"})
            EXPECT_TRUE(e.fields().count(field)) << field;
    }
    auto after = services_->engagements.get(
        grant(as(expert1), Anchor::engagement, maker.id, EngagementAction::view));
    EXPECT_EQ(after.version, maker.version);
}

}  // namespace
}  // namespace shido::testing
