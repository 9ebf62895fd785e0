#include "core/accounts/account_mail.hpp"

#include <gtest/gtest.h>

namespace shido::core {
namespace {

TEST(AccountMail, AnInvitationNamesThePersonWhoInvitedAndWhenTheLinkEnds) {
    // 1'800'000'000 is 2027-01-15 08:00 UTC, 17:00 in Japan.
    auto text =
        compose_account_mail(AccountMail::invitation, {"招待 花子", "事務局 花子", 1'800'000'000});
    EXPECT_EQ(text.subject, "【shido】アカウントへのご招待");
    EXPECT_NE(text.body.find("招待 花子 様"), std::string::npos);
    EXPECT_NE(text.body.find("事務局 花子 さんから"), std::string::npos);
    EXPECT_NE(text.body.find("2027年1月15日 17:00 まで有効"), std::string::npos);
}

TEST(AccountMail, EveryKindHasASubjectAndSaysWhatToDoIfItWasNotYou) {
    for (auto kind :
         {AccountMail::invitation, AccountMail::password_reset, AccountMail::password_changed,
          AccountMail::two_factor_reset, AccountMail::recovery_code_used}) {
        auto text = compose_account_mail(kind, {"山田 太郎", "", 1'800'000'000});
        EXPECT_EQ(text.subject.rfind("【shido】", 0), 0u);
        EXPECT_NE(text.body.find("お心当たりがない場合"), std::string::npos);
    }
}

TEST(AccountMail, ARecoveryCodeUseSaysHowManyAreLeft) {
    AccountMailFacts facts{"山田 太郎", "", 0};
    facts.recovery_codes_left = 7;
    auto text = compose_account_mail(AccountMail::recovery_code_used, facts);
    EXPECT_NE(text.body.find("残りの回復コードは 7 個"), std::string::npos);
}

}  // namespace
}  // namespace shido::core
