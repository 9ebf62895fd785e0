#include "core/course/planning.hpp"

#include <algorithm>

#include <gtest/gtest.h>

namespace shido::core {
namespace {

// A course of `count` sessions, each after 1–2 weeks: planning never assumes four.
CourseTiming course_of(int count) {
    CourseTiming course;
    for (int no = 1; no <= count; ++no)
        course.sessions.push_back({no, "第" + std::to_string(no) + "回", 1, 2});
    return course;
}

HolidayCalendar holidays_2026_2027() {
    HolidayCalendar h{2026, 2027, {}};
    h.names[{2027, 1, 1}] = "元日";
    h.names[{2027, 1, 11}] = "成人の日";
    return h;
}

bool has(const std::vector<PlanWarning>& warnings, PlanWarningKind kind, int session_no) {
    return std::any_of(warnings.begin(), warnings.end(), [&](const PlanWarning& w) {
        return w.kind == kind && w.session_no == session_no;
    });
}

std::vector<std::optional<CivilDate>> as_plan(const std::vector<CivilDate>& dates) {
    return {dates.begin(), dates.end()};
}

TEST(Planning, ProposesEverySessionOfAnyCourseOnWorkingDays) {
    auto holidays = holidays_2026_2027();
    for (int count : {3, 4, 5}) {
        auto dates = propose_session_dates(course_of(count), {2026, 12, 1}, holidays);
        ASSERT_EQ(dates.size(), static_cast<std::size_t>(count));
        for (const auto& date : dates) {
            EXPECT_FALSE(is_weekend(date)) << to_string(date);
            EXPECT_FALSE(holidays.holiday(date)) << to_string(date);
        }
    }
    // Tuesday 1 December: 第1回 a week later, then every two weeks.
    auto four = propose_session_dates(course_of(4), {2026, 12, 1}, holidays);
    EXPECT_EQ(four[0], (CivilDate{2026, 12, 8}));
    EXPECT_EQ(four[1], (CivilDate{2026, 12, 22}));
    EXPECT_EQ(four[2], (CivilDate{2027, 1, 5}));
    EXPECT_EQ(four[3], (CivilDate{2027, 1, 19}));
    EXPECT_TRUE(plan_warnings(course_of(4), as_plan(four), holidays).empty());
}

TEST(Planning, AProposalSkipsHolidaysAndWeekends) {
    auto holidays = holidays_2026_2027();
    // From Monday 28 December 2026: 第1回 a week later (4 January), 第2回 two weeks after it.
    auto dates = propose_session_dates(course_of(2), {2026, 12, 28}, holidays);
    EXPECT_EQ(dates[0], (CivilDate{2027, 1, 4}));
    EXPECT_EQ(dates[1], (CivilDate{2027, 1, 18}));
    auto from_holiday = propose_session_dates(course_of(1), {2027, 1, 4}, holidays);
    EXPECT_EQ(from_holiday[0], (CivilDate{2027, 1, 12}));  // Monday the 11th is 成人の日
}

TEST(Planning, WarnsOfShortAndLongPreparationAndALongCourseButNeverForgets) {
    auto course = course_of(4);
    auto holidays = holidays_2026_2027();
    std::vector<std::optional<CivilDate>> plan{CivilDate{2026, 12, 1}, CivilDate{2026, 12, 4},
                                               CivilDate{2026, 12, 28}, CivilDate{2027, 1, 29}};
    auto warnings = plan_warnings(course, plan, holidays);
    EXPECT_TRUE(has(warnings, PlanWarningKind::short_preparation, 2));
    EXPECT_TRUE(has(warnings, PlanWarningKind::long_preparation, 3));
    EXPECT_TRUE(has(warnings, PlanWarningKind::long_preparation, 4));
    EXPECT_TRUE(has(warnings, PlanWarningKind::course_too_long, 4));
    auto short_one = std::find_if(warnings.begin(), warnings.end(), [](const PlanWarning& w) {
        return w.kind == PlanWarningKind::short_preparation;
    });
    EXPECT_EQ(short_one->message, "第2回の準備期間が1週間未満です（第1回から3日）。");
}

TEST(Planning, WarnsOfWeekendsHolidaysAndYearsWithoutHolidayData) {
    auto course = course_of(3);
    std::vector<std::optional<CivilDate>> plan{CivilDate{2027, 1, 9}, CivilDate{2027, 1, 11},
                                               CivilDate{2028, 1, 11}};
    auto warnings = plan_warnings(course, plan, holidays_2026_2027());
    EXPECT_TRUE(has(warnings, PlanWarningKind::weekend, 1));
    EXPECT_TRUE(has(warnings, PlanWarningKind::holiday, 2));
    EXPECT_TRUE(has(warnings, PlanWarningKind::beyond_holiday_data, 3));
    EXPECT_FALSE(has(warnings, PlanWarningKind::holiday, 1));
    EXPECT_EQ(warnings.front().message, "第1回（2027-01-09）は土曜日です。");
}

TEST(Planning, GapsAreJudgedOnlyBetweenPlannedNeighbours) {
    std::vector<std::optional<CivilDate>> plan{CivilDate{2026, 12, 1}, std::nullopt,
                                               CivilDate{2026, 12, 29}};
    auto warnings = plan_warnings(course_of(3), plan, holidays_2026_2027());
    EXPECT_FALSE(has(warnings, PlanWarningKind::long_preparation, 3));
}

TEST(Planning, DatesOutOfOrderAreTheOneBlockingProblem) {
    auto course = course_of(3);
    EXPECT_EQ(
        order_problem(course, {CivilDate{2026, 12, 8}, std::nullopt, CivilDate{2026, 12, 22}}),
        std::nullopt);
    EXPECT_EQ(order_problem(course, {CivilDate{2026, 12, 8}, CivilDate{2026, 12, 8}}),
              "第2回は第1回より後の日付にしてください。");
    EXPECT_EQ(
        order_problem(course, {CivilDate{2026, 12, 22}, std::nullopt, CivilDate{2026, 12, 8}}),
        "第3回は第1回より後の日付にしてください。");
}

}  // namespace
}  // namespace shido::core

namespace shido::core {
namespace {

TEST(Planning, AProposalMovesBackWhenMovingOnWouldStretchThePreparation) {
    HolidayCalendar holidays{2027, 2027, {}};
    holidays.names[{2027, 2, 23}] = "天皇誕生日";
    CourseTiming course;
    course.sessions = {{1, "第1回", 1, 2}, {2, "第2回", 1, 2}};
    // 第1回 on Tuesday 9 February; two weeks later is the holiday; the 24th would be 15 days.
    auto dates = propose_session_dates(course, {2027, 2, 2}, holidays);
    EXPECT_EQ(dates[0], (CivilDate{2027, 2, 9}));
    EXPECT_EQ(dates[1], (CivilDate{2027, 2, 22}));
}

}  // namespace
}  // namespace shido::core
