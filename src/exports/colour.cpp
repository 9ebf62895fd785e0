#include "exports/colour.hpp"

#include <algorithm>
#include <cmath>

namespace shido::exports {

unsigned Rgb::hex() const {
    auto channel = [](double v) {
        return static_cast<unsigned>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0));
    };
    return (channel(r) << 16) | (channel(g) << 8) | channel(b);
}

}  // namespace shido::exports
