#pragma once
#include <string>

#include "core/ids.hpp"

namespace shido::core {

// Time is passed in, never read, so rules stay testable; the services own the real clock.
std::string format_iso8601(Timestamp t);
// The calendar date in Japan (UTC+9, no daylight saving): the date users mean by "today".
std::string date_in_japan(Timestamp t);

}  // namespace shido::core
