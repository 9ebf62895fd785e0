#include "core/accounts/password_rule.hpp"

#include <gtest/gtest.h>

namespace shido::core {
namespace {

PasswordRule rule() {
    PasswordRule r;
    r.min_chars = 10;
    r.common = {"password123", "qwertyuiop"};  // sorted, lower case, as the loader gives it
    return r;
}

TEST(PasswordRule, AcceptsALongUncommonPassword) {
    EXPECT_FALSE(password_problem(rule(), "kimochi-no-ii-asa", "a@example.jp"));
    EXPECT_FALSE(password_problem(rule(), "あいうえおかきくけこ", "a@example.jp"));  // 10 chars
}

TEST(PasswordRule, CountsCharactersNotBytes) {
    EXPECT_TRUE(password_problem(rule(), "あいうえお", "a@example.jp"));  // 15 bytes, 5 chars
}

TEST(PasswordRule, RefusesShortRepeatedCommonAndTheAddress) {
    EXPECT_EQ(*password_problem(rule(), "short", "a@example.jp"),
              "パスワードは10文字以上にしてください。");
    EXPECT_TRUE(password_problem(rule(), std::string(201, 'x') + "y", "a@example.jp"));
    EXPECT_TRUE(password_problem(rule(), "aaaaaaaaaaaa", "a@example.jp"));
    EXPECT_TRUE(password_problem(rule(), "Password123", "a@example.jp"));  // case ignored
    EXPECT_TRUE(password_problem(rule(), "QWERTYUIOP", "a@example.jp"));
    EXPECT_TRUE(password_problem(rule(), "Yamada.Taro@Example.JP", "yamada.taro@example.jp"));
    EXPECT_TRUE(password_problem(rule(), "yamada.taro", "yamada.taro@example.jp"));
}

}  // namespace
}  // namespace shido::core
