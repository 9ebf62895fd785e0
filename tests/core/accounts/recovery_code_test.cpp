#include "core/accounts/recovery_code.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

namespace shido::core {
namespace {

TEST(RecoveryCode, TheAlphabetHasNoLookAlikes) {
    for (char ambiguous : std::string_view("0o1li"))
        EXPECT_EQ(recovery_code_alphabet.find(ambiguous), std::string_view::npos) << ambiguous;
    EXPECT_EQ(recovery_code_alphabet.size(), 31u);
}

TEST(RecoveryCode, FormatIsTwoGroupsOfFour) {
    EXPECT_EQ(format_recovery_code("abcdefgh"), "abcd-efgh");
    EXPECT_THROW(format_recovery_code("abcdefg"), std::invalid_argument);
    EXPECT_THROW(format_recovery_code("abcdefg0"), std::invalid_argument);
}

TEST(RecoveryCode, TypedCodesAreNormalised) {
    EXPECT_EQ(normalise_recovery_code("abcd-efgh"), "abcd-efgh");
    EXPECT_EQ(normalise_recovery_code("ABCD-EFGH"), "abcd-efgh");
    EXPECT_EQ(normalise_recovery_code(" abcdefgh "), "abcd-efgh");
    EXPECT_EQ(normalise_recovery_code("abcd efgh"), "abcd-efgh");
}

TEST(RecoveryCode, AnythingElseIsNone) {
    EXPECT_FALSE(normalise_recovery_code(""));
    EXPECT_FALSE(normalise_recovery_code("abcd-efg"));
    EXPECT_FALSE(normalise_recovery_code("abcd-efghj"));
    EXPECT_FALSE(normalise_recovery_code("abcd-efg0"));  // 0 is not in the alphabet
    EXPECT_FALSE(normalise_recovery_code("123456"));     // a TOTP code is no recovery code
    EXPECT_FALSE(normalise_recovery_code(std::string(100, 'a')));
}

}  // namespace
}  // namespace shido::core
