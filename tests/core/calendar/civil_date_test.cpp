#include "core/calendar/civil_date.hpp"

#include <gtest/gtest.h>

namespace shido::core {
namespace {

TEST(CivilDate, CountsDaysAcrossMonthsYearsAndLeapDays) {
    EXPECT_EQ(days_since_epoch({1970, 1, 1}), 0);
    EXPECT_EQ(days_between({2026, 12, 1}, {2027, 1, 12}), 42);
    EXPECT_EQ(days_between({2028, 2, 28}, {2028, 3, 1}), 2);  // 2028 is a leap year
    EXPECT_EQ(days_between({2027, 2, 28}, {2027, 3, 1}), 1);
    for (long long days = -1000; days < 40000; days += 37)
        EXPECT_EQ(days_since_epoch(from_days_since_epoch(days)), days);
    EXPECT_EQ(add_days({2026, 12, 29}, 7), (CivilDate{2027, 1, 5}));
}

TEST(CivilDate, KnowsTheWeekday) {
    EXPECT_EQ(weekday_of({2026, 12, 1}), Weekday::tuesday);
    EXPECT_EQ(weekday_of({2027, 1, 1}), Weekday::friday);
    EXPECT_TRUE(is_weekend({2026, 12, 5}));
    EXPECT_TRUE(is_weekend({2026, 12, 6}));
    EXPECT_FALSE(is_weekend({2026, 12, 7}));
    EXPECT_EQ(label_ja(Weekday::saturday), "土曜日");
}

TEST(CivilDate, ParsesOnlyRealDays) {
    EXPECT_EQ(parse_civil_date("2027-02-28"), (CivilDate{2027, 2, 28}));
    EXPECT_EQ(parse_civil_date("2027-02-29"), std::nullopt);
    EXPECT_EQ(parse_civil_date("2027-2-1"), std::nullopt);
    EXPECT_EQ(to_string(CivilDate{2027, 1, 5}), "2027-01-05");
}

}  // namespace
}  // namespace shido::core
