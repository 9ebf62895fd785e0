#pragma once
#include <string>

#include "core/entities.hpp"

namespace shido::core {

// Time is passed in, never read, so rules stay testable; the services own the real clock.
std::string format_iso8601(Timestamp t);

}  // namespace shido::core
