#include "core/clock.hpp"

#include <ctime>

namespace shido::core {

std::string format_iso8601(Timestamp t) {
    std::time_t raw = static_cast<std::time_t>(t);
    std::tm utc{};
    gmtime_r(&raw, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

std::string date_in_japan(Timestamp t) {
    constexpr Timestamp japan_offset = 9 * 60 * 60;
    return format_iso8601(t + japan_offset).substr(0, 10);
}

}  // namespace shido::core
