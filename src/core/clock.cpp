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

}  // namespace shido::core
