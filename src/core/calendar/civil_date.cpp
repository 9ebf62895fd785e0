#include "core/calendar/civil_date.hpp"

#include <array>
#include <cstdio>

#include "core/validation.hpp"

namespace shido::core {

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian
// calendar, no tables, no time zone.
long long days_since_epoch(const CivilDate& date) {
    const int y = date.year - (date.month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned mp = static_cast<unsigned>(date.month + (date.month > 2 ? -3 : 9));
    const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(date.day) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<long long>(era) * 146097 + static_cast<long long>(doe) - 719468;
}

CivilDate from_days_since_epoch(long long days) {
    days += 719468;
    const long long era = (days >= 0 ? days : days - 146096) / 146097;
    const auto doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const auto day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const auto month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const auto year =
        static_cast<int>(static_cast<long long>(yoe) + era * 400 + (month <= 2 ? 1 : 0));
    return CivilDate{year, month, day};
}

std::optional<CivilDate> parse_civil_date(std::string_view text) {
    if (!is_valid_date(text)) return std::nullopt;
    auto number = [&](std::size_t at, std::size_t length) {
        int value = 0;
        for (std::size_t i = at; i < at + length; ++i) value = value * 10 + (text[i] - '0');
        return value;
    };
    return CivilDate{number(0, 4), number(5, 2), number(8, 2)};
}

std::string to_string(const CivilDate& date) {
    std::array<char, 16> text{};
    std::snprintf(text.data(), text.size(), "%04d-%02d-%02d", date.year, date.month, date.day);
    return text.data();
}

CivilDate add_days(const CivilDate& date, long long days) {
    return from_days_since_epoch(days_since_epoch(date) + days);
}

long long days_between(const CivilDate& from, const CivilDate& to) {
    return days_since_epoch(to) - days_since_epoch(from);
}

Weekday weekday_of(const CivilDate& date) {
    // 1970-01-01 was a Thursday.
    const long long days = days_since_epoch(date);
    const long long index = ((days % 7) + 7 + 4) % 7;
    return static_cast<Weekday>(index);
}

std::string_view label_ja(Weekday weekday) {
    static constexpr std::array<std::string_view, 7> labels{"日曜日", "月曜日", "火曜日", "水曜日",
                                                            "木曜日", "金曜日", "土曜日"};
    return labels[static_cast<std::size_t>(weekday)];
}

bool is_weekend(const CivilDate& date) {
    auto day = weekday_of(date);
    return day == Weekday::saturday || day == Weekday::sunday;
}

}  // namespace shido::core
