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

// Failures on one account from every address together. They never refuse outright (a stranger
// who knows the address must not lock its owner out): once `free_failures` are spent, each
// further attempt waits a pause that doubles up to `max_delay`, and addresses the account has
// logged in from before are not slowed at all. Here window_start is the time of the last failure.
struct SlowDownPolicy {
    int free_failures = 5;
    Timestamp max_delay = 60;
    Timestamp forget_after = 15 * 60;
};

Timestamp seconds_until_next_attempt(const SlowDownPolicy& policy, const AttemptState& state,
                                     Timestamp now);
AttemptState after_failure(const SlowDownPolicy& policy, const AttemptState& state, Timestamp now);

bool is_blocked(const ThrottlePolicy& policy, const AttemptState& state, Timestamp now);
AttemptState after_failure(const ThrottlePolicy& policy, const AttemptState& state, Timestamp now);
Timestamp seconds_until_unblocked(const ThrottlePolicy& policy, const AttemptState& state,
                                  Timestamp now);

}  // namespace shido::core
