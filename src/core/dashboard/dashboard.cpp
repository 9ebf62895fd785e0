#include "core/dashboard/dashboard.hpp"

namespace shido::core {

CurrentSession current_session(std::span<const SessionProgress> by_number) {
    for (std::size_t i = 0; i < by_number.size(); ++i)
        if (by_number[i] != SessionProgress::report_accepted)
            return {static_cast<int>(i) + 1, by_number[i]};
    if (by_number.empty()) return {0, SessionProgress::unplanned};
    return {static_cast<int>(by_number.size()), SessionProgress::report_accepted};
}

}  // namespace shido::core
