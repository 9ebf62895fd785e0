#include "core/accounts/throttle_policy.hpp"

#include <algorithm>

namespace shido::core {

namespace {
bool window_expired(const ThrottlePolicy& policy, const AttemptState& state, Timestamp now) {
    return now >= state.window_start + policy.window_seconds;
}
}  // namespace

bool is_blocked(const ThrottlePolicy& policy, const AttemptState& state, Timestamp now) {
    return !window_expired(policy, state, now) && state.failures >= policy.max_failures;
}

AttemptState after_failure(const ThrottlePolicy& policy, const AttemptState& state, Timestamp now) {
    if (window_expired(policy, state, now)) return AttemptState{1, now};
    return AttemptState{state.failures + 1, state.window_start};
}

Timestamp seconds_until_unblocked(const ThrottlePolicy& policy, const AttemptState& state,
                                  Timestamp now) {
    if (!is_blocked(policy, state, now)) return 0;
    return state.window_start + policy.window_seconds - now;
}

Timestamp seconds_until_next_attempt(const SlowDownPolicy& policy, const AttemptState& state,
                                     Timestamp now) {
    if (now >= state.window_start + policy.forget_after) return 0;
    int over = state.failures - policy.free_failures;
    if (over < 0) return 0;
    Timestamp delay = 1;
    for (int i = 0; i < over && delay < policy.max_delay; ++i) delay *= 2;
    delay = std::min(delay, policy.max_delay);
    return std::max<Timestamp>(0, state.window_start + delay - now);
}

AttemptState after_failure(const SlowDownPolicy& policy, const AttemptState& state, Timestamp now) {
    if (now >= state.window_start + policy.forget_after) return AttemptState{1, now};
    return AttemptState{state.failures + 1, now};
}

}  // namespace shido::core
