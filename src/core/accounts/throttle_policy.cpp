#include "core/accounts/throttle_policy.hpp"

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

}  // namespace shido::core
