#include "exports/number_text.hpp"

#include <cmath>
#include <cstdio>

namespace shido::exports {

std::string decimal(double value, int decimals) {
    if (!std::isfinite(value)) return "-";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (text.starts_with('-') && text.find_first_not_of("-0.") == std::string::npos)
        text.erase(0, 1);  // no "-0.0"
    return text;
}

}  // namespace shido::exports
