#pragma once
#include <string>

namespace shido::exports {

// "3.5", "-0.3", "72.0": fixed decimals, no locale, never "-0.0".
std::string decimal(double value, int decimals);

}  // namespace shido::exports
