#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar/civil_date.hpp"

namespace shido::core {

// Public holidays by day, for the years the data covers (content/calendar/*.json).
struct HolidayCalendar {
    int first_year = 0;
    int last_year = -1;
    std::map<CivilDate, std::string> names;  // 2027-01-11 → 成人の日

    bool covers(const CivilDate& date) const {
        return date.year >= first_year && date.year <= last_year;
    }
    std::optional<std::string_view> holiday(const CivilDate& date) const {
        auto found = names.find(date);
        if (found == names.end()) return std::nullopt;
        return std::string_view(found->second);
    }
    // The day itself, or the first later day that is neither a weekend nor a holiday.
    CivilDate next_working_day(CivilDate date) const {
        while (is_weekend(date) || holiday(date)) date = add_days(date, 1);
        return date;
    }
    // The day itself, or the last earlier day that is neither a weekend nor a holiday.
    CivilDate previous_working_day(CivilDate date) const {
        while (is_weekend(date) || holiday(date)) date = add_days(date, -1);
        return date;
    }
};

}  // namespace shido::core
