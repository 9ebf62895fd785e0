#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/civil_date.hpp"
#include "core/calendar/holidays.hpp"

namespace shido::core {

// What planning needs of a course (content/curriculum/*.json): per session its title and the
// weeks of preparation before it, and the guideline for the whole course.
struct SessionTiming {
    int no = 0;
    std::string title;  // 第1回
    int prep_weeks_min = 1;
    int prep_weeks_max = 2;
};

struct CourseTiming {
    std::vector<SessionTiming> sessions;
    int guideline_days = 45;                    // first to last session
    std::string guideline_label = "約1.5か月";  // as the guide says it
};

// Dates for every session from the day preparation starts: the first session after its
// fewest weeks of preparation, each later one after its most (the guide's 1–2 weeks, about
// 1.5 months in all), each moved to the next working day when it falls on a weekend or a
// public holiday, or to the previous one when the next would leave its preparation window.
std::vector<CivilDate> propose_session_dates(const CourseTiming& course, CivilDate start,
                                             const HolidayCalendar& holidays);

enum class PlanWarningKind {
    short_preparation,  // fewer days since the previous session than its fewest weeks
    long_preparation,   // more than its most weeks
    course_too_long,    // first to last session beyond the guideline
    weekend,
    holiday,
    beyond_holiday_data,  // a year the holiday data does not cover: holidays not checked
};

std::string_view to_string(PlanWarningKind kind);

struct PlanWarning {
    PlanWarningKind kind;
    int session_no = 0;
    std::string message;  // Japanese
};

// Warnings never block: people may have reasons. Sessions without a date are skipped.
std::vector<PlanWarning> plan_warnings(const CourseTiming& course,
                                       const std::vector<std::optional<CivilDate>>& dates,
                                       const HolidayCalendar& holidays);

// The one rule that does block: planned dates follow the sessions' order. The Japanese
// message for the first session out of order, or nothing.
std::optional<std::string> order_problem(const CourseTiming& course,
                                         const std::vector<std::optional<CivilDate>>& dates);

}  // namespace shido::core
