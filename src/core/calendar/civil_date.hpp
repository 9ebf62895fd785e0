#pragma once
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace shido::core {

// A calendar day (no time, no zone): what people plan sessions on. Days are counted from
// 1970-01-01 so that gaps are plain subtraction.
struct CivilDate {
    int year = 1970;
    int month = 1;
    int day = 1;

    auto operator<=>(const CivilDate&) const = default;
};

// "YYYY-MM-DD" naming a real day (2000–2100, as the API accepts), or nothing.
std::optional<CivilDate> parse_civil_date(std::string_view text);
std::string to_string(const CivilDate& date);

long long days_since_epoch(const CivilDate& date);
CivilDate from_days_since_epoch(long long days);
CivilDate add_days(const CivilDate& date, long long days);
long long days_between(const CivilDate& from, const CivilDate& to);  // to − from

enum class Weekday { sunday, monday, tuesday, wednesday, thursday, friday, saturday };
Weekday weekday_of(const CivilDate& date);
std::string_view label_ja(Weekday weekday);  // 日曜日…土曜日
bool is_weekend(const CivilDate& date);

}  // namespace shido::core
