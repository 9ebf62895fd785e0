#include "services/accounts/totp.hpp"

#include <gtest/gtest.h>

#include "services/accounts/second_factor.hpp"

namespace shido::testing {
namespace {

// RFC 6238 appendix B, HMAC-SHA-1 with the ASCII secret "12345678901234567890", 8 digits.
TEST(Totp, Rfc6238TestVectors) {
    const std::string secret = "12345678901234567890";
    const std::vector<std::pair<long long, std::string>> vectors = {
        {59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
        {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"},
    };
    for (const auto& [time, code] : vectors) {
        EXPECT_EQ(services::totp_code(secret, time / 30, 8), code) << time;
        // Six digits are the same number's last six (the truncation modulo 10^6).
        EXPECT_EQ(services::totp_code(secret, time / 30, 6), code.substr(2)) << time;
    }
}

TEST(Totp, Base32RoundTripsWithoutPadding) {
    const std::string secret = "12345678901234567890";
    EXPECT_EQ(services::encode_base32(secret), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    EXPECT_EQ(services::decode_base32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), secret);
    EXPECT_THROW(services::decode_base32("not base32!"), std::invalid_argument);
}

TEST(Totp, NewSecretsAre160BitsAndDiffer) {
    auto a = services::new_totp_secret();
    auto b = services::new_totp_secret();
    EXPECT_EQ(a.size(), 32u);
    EXPECT_EQ(services::decode_base32(a).size(), 20u);
    EXPECT_NE(a, b);
}

TEST(Totp, MatchFindsTheStepAndRefusesUsedOnes) {
    const auto base32 = services::encode_base32("12345678901234567890");
    const long long now = 1111111111;  // step 37037037
    const auto step = now / 30;
    auto code = services::totp_code("12345678901234567890", step);
    auto match = services::match_totp(base32, code, 0, now);
    EXPECT_EQ(match.check, services::CodeCheck::accepted);
    EXPECT_EQ(match.step, step);
    // The code of the step before, typed a little late, still counts.
    auto late = services::totp_code("12345678901234567890", step - 1);
    EXPECT_EQ(services::match_totp(base32, late, 0, now).check, services::CodeCheck::accepted);
    // Two steps away: wrong.
    auto old = services::totp_code("12345678901234567890", step - 2);
    EXPECT_EQ(services::match_totp(base32, old, 0, now).check, services::CodeCheck::wrong);
    // Once its step is used, the same code is refused as used.
    EXPECT_EQ(services::match_totp(base32, code, step, now).check,
              services::CodeCheck::already_used);
    EXPECT_EQ(services::match_totp(base32, "abcdef", 0, now).check, services::CodeCheck::wrong);
}

}  // namespace
}  // namespace shido::testing
