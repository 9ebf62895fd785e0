#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"

namespace shido::core {

// When an outbox message is tried again after a failed attempt. The delays are waited after
// the 1st, 2nd, … failure; past the last one the last delay repeats (the cap). After
// `max_attempts` attempts the message is given up (failed): still listed for the
// secretariat, who may re-queue it.
struct RetryPolicy {
    std::vector<long long> delays_seconds{60, 300, 900, 3600, 10800, 21600};
    int max_attempts = 8;
};

struct RetryDecision {
    bool give_up = false;
    Timestamp next_attempt_at = 0;  // when !give_up
};

// After `attempts` attempts (≥ 1), the last of which failed at `now`. A permanent refusal
// (an SMTP 5xx: the address or the message will not be accepted however often it is sent)
// gives up at once.
RetryDecision after_failure(const RetryPolicy& policy, int attempts, Timestamp now,
                            bool permanent = false);

// "60,300,900" → {60, 300, 900}; empty when the text is not such a list of positive numbers.
std::optional<std::vector<long long>> parse_delays(const std::string& text);

}  // namespace shido::core
