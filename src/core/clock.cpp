#include "core/clock.hpp"

#include <chrono>

namespace shido::core {

namespace {
void put_digits(char* at, long long value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10) at[i] = static_cast<char>('0' + value % 10);
}
}  // namespace

// Written by hand: strftime dominated the cost of serialising long lists.
std::string format_iso8601(Timestamp t) {
    using namespace std::chrono;
    auto days = floor<std::chrono::days>(sys_seconds{seconds{t}});
    year_month_day date{days};
    long long in_day = t - duration_cast<seconds>(days.time_since_epoch()).count();
    std::string out = "0000-00-00T00:00:00Z";
    put_digits(&out[0], static_cast<int>(date.year()), 4);
    put_digits(&out[5], static_cast<unsigned>(date.month()), 2);
    put_digits(&out[8], static_cast<unsigned>(date.day()), 2);
    put_digits(&out[11], in_day / 3600, 2);
    put_digits(&out[14], in_day / 60 % 60, 2);
    put_digits(&out[17], in_day % 60, 2);
    return out;
}

std::string date_in_japan(Timestamp t) {
    constexpr Timestamp japan_offset = 9 * 60 * 60;
    return format_iso8601(t + japan_offset).substr(0, 10);
}

}  // namespace shido::core
