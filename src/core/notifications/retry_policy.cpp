#include "core/notifications/retry_policy.hpp"

#include <algorithm>

namespace shido::core {

RetryDecision after_failure(const RetryPolicy& policy, int attempts, Timestamp now,
                            bool permanent) {
    if (permanent || attempts >= policy.max_attempts || policy.delays_seconds.empty())
        return RetryDecision{true, 0};
    auto index = static_cast<std::size_t>(std::max(attempts, 1) - 1);
    index = std::min(index, policy.delays_seconds.size() - 1);
    return RetryDecision{false, now + policy.delays_seconds[index]};
}

std::optional<std::vector<long long>> parse_delays(const std::string& text) {
    std::vector<long long> delays;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        auto part = text.substr(start, end - start);
        if (part.empty() || part.size() > 9 ||
            part.find_first_not_of("0123456789") != std::string::npos)
            return std::nullopt;
        auto value = std::stoll(part);
        if (value < 1) return std::nullopt;
        delays.push_back(value);
        start = end + 1;
    }
    return delays;
}

}  // namespace shido::core
