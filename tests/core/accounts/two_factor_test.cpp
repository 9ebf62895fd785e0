#include "core/accounts/two_factor.hpp"

#include <gtest/gtest.h>

namespace shido::core {
namespace {

User user_with(Role role, bool enabled, bool exempt = false) {
    User u;
    u.role = role;
    u.two_factor_enabled = enabled;
    u.second_factor_exempt = exempt;
    return u;
}

TEST(TwoFactor, TheSecretariatAndExpertsMustEnrol) {
    for (auto role : {Role::secretariat, Role::expert}) {
        auto state = two_factor_state(user_with(role, false));
        EXPECT_TRUE(state.required);
        EXPECT_FALSE(state.enabled);
        EXPECT_TRUE(state.enrolment_required);
        EXPECT_FALSE(two_factor_state(user_with(role, true)).enrolment_required);
        EXPECT_FALSE(may_disable_second_factor(user_with(role, true)));
    }
}

TEST(TwoFactor, CompanyMembersMayAndDemoAccountsSkip) {
    auto member = two_factor_state(user_with(Role::company, false));
    EXPECT_FALSE(member.required);
    EXPECT_FALSE(member.enrolment_required);
    EXPECT_TRUE(may_disable_second_factor(user_with(Role::company, true)));
    auto demo = two_factor_state(user_with(Role::secretariat, false, true));
    EXPECT_FALSE(demo.required);
    EXPECT_FALSE(demo.enrolment_required);
}

TEST(TwoFactor, OtpauthUriNamesIssuerAndAccount) {
    EXPECT_EQ(otpauth_uri("JBSWY3DPEHPK3PXP", "jimu+2fa@example.jp"),
              "otpauth://totp/shido:jimu%2B2fa%40example.jp?secret=JBSWY3DPEHPK3PXP&issuer=shido"
              "&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace shido::core
