#include "core/accounts/throttle_policy.hpp"

#include <gtest/gtest.h>

namespace shido::core {
namespace {

const ThrottlePolicy policy{3, 600};

TEST(ThrottlePolicy, BlocksAtTheLimitWithinTheWindow) {
    AttemptState state;
    Timestamp now = 1000;
    for (int i = 0; i < 2; ++i) state = after_failure(policy, state, now);
    EXPECT_FALSE(is_blocked(policy, state, now));
    state = after_failure(policy, state, now + 10);
    EXPECT_TRUE(is_blocked(policy, state, now + 10));
    EXPECT_EQ(seconds_until_unblocked(policy, state, now + 10), 590);
}

TEST(ThrottlePolicy, WindowExpiryUnblocksAndRestartsCounting) {
    AttemptState state{3, 1000};
    EXPECT_TRUE(is_blocked(policy, state, 1599));
    EXPECT_FALSE(is_blocked(policy, state, 1600));
    auto next = after_failure(policy, state, 1600);
    EXPECT_EQ(next.failures, 1);
    EXPECT_EQ(next.window_start, 1600);
}

TEST(ThrottlePolicy, FreshStateIsNotBlocked) {
    EXPECT_FALSE(is_blocked(policy, AttemptState{}, 5));
    EXPECT_EQ(seconds_until_unblocked(policy, AttemptState{}, 5), 0);
}

const SlowDownPolicy slow{3, 60, 600};

TEST(SlowDownPolicy, FreeFailuresThenPausesThatDoubleUpToTheLimit) {
    AttemptState state;
    Timestamp now = 1000;
    for (int i = 0; i < 2; ++i) state = after_failure(slow, state, now);
    EXPECT_EQ(seconds_until_next_attempt(slow, state, now), 0);
    state = after_failure(slow, state, now);  // the third: the free ones are spent
    EXPECT_EQ(seconds_until_next_attempt(slow, state, now), 1);
    state = after_failure(slow, state, now + 1);
    EXPECT_EQ(seconds_until_next_attempt(slow, state, now + 1), 2);
    for (int i = 0; i < 10; ++i) state = after_failure(slow, state, now + 2);
    EXPECT_EQ(seconds_until_next_attempt(slow, state, now + 2), 60);
    EXPECT_EQ(seconds_until_next_attempt(slow, state, now + 32), 30);
}

TEST(SlowDownPolicy, IsForgottenAfterAQuietSpell) {
    AttemptState state{10, 1000};
    EXPECT_GT(seconds_until_next_attempt(slow, state, 1001), 0);
    EXPECT_EQ(seconds_until_next_attempt(slow, state, 1600), 0);
    EXPECT_EQ(after_failure(slow, state, 1600).failures, 1);
}

}  // namespace
}  // namespace shido::core
