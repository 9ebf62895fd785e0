#include "core/accounts/totp_window.hpp"

#include <gtest/gtest.h>

namespace shido::core {
namespace {

TEST(TotpWindow, StepsAreThirtySecondsFromTheEpoch) {
    EXPECT_EQ(totp_step(0), 0);
    EXPECT_EQ(totp_step(29), 0);
    EXPECT_EQ(totp_step(30), 1);
    EXPECT_EQ(totp_step(59), 1);  // RFC 6238's first test time
    EXPECT_EQ(totp_step(1111111109), 37037036);
}

TEST(TotpWindow, TheStepBeforeAndAfterAreAccepted) {
    const Timestamp now = 30 * 1000 + 5;  // step 1000
    EXPECT_EQ(totp_window_steps(now), (std::vector<long long>{999, 1000, 1001}));
    EXPECT_EQ(acceptable_totp_steps(now, 0), (std::vector<long long>{999, 1000, 1001}));
}

TEST(TotpWindow, AStepAlreadyUsedAndEveryEarlierOneAreRefused) {
    const Timestamp now = 30 * 1000;
    EXPECT_EQ(acceptable_totp_steps(now, 999), (std::vector<long long>{1000, 1001}));
    EXPECT_EQ(acceptable_totp_steps(now, 1000), (std::vector<long long>{1001}));
    EXPECT_TRUE(acceptable_totp_steps(now, 1001).empty());
    // A code used a minute ago is outside the window anyway.
    EXPECT_EQ(acceptable_totp_steps(now + 60, 1000), (std::vector<long long>{1001, 1002, 1003}));
}

TEST(TotpWindow, NoNegativeSteps) {
    EXPECT_EQ(totp_window_steps(10), (std::vector<long long>{0, 1}));
}

TEST(TotpWindow, CodesAreSixDigitsSpacesIgnored) {
    EXPECT_EQ(normalise_totp_code("123456"), "123456");
    EXPECT_EQ(normalise_totp_code("123 456"), "123456");
    EXPECT_EQ(normalise_totp_code(" 012345 "), "012345");
    EXPECT_FALSE(normalise_totp_code("12345"));
    EXPECT_FALSE(normalise_totp_code("1234567"));
    EXPECT_FALSE(normalise_totp_code("12345a"));
    EXPECT_FALSE(normalise_totp_code("１２３４５６"));  // full-width digits are not digits here
    EXPECT_FALSE(normalise_totp_code(""));
}

}  // namespace
}  // namespace shido::core
