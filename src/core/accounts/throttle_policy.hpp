#pragma once
#include "core/ids.hpp"

namespace shido::core {

// Failed logins counted in a fixed window. Checked before the password is hashed, so
// repeated attempts cannot be used to burn the CPU (argon2id costs ~64 ms each).
struct ThrottlePolicy {
    int max_failures = 5;
    Timestamp window_seconds = 15 * 60;
};

struct AttemptState {
    int failures = 0;
    Timestamp window_start = 0;
};

bool is_blocked(const ThrottlePolicy& policy, const AttemptState& state, Timestamp now);
AttemptState after_failure(const ThrottlePolicy& policy, const AttemptState& state, Timestamp now);
Timestamp seconds_until_unblocked(const ThrottlePolicy& policy, const AttemptState& state,
                                  Timestamp now);

}  // namespace shido::core
