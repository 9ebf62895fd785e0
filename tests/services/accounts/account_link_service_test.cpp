#include "services/accounts/account_link_service.hpp"

#include <gtest/gtest.h>

#include "services/demo/demo_data.hpp"
#include "storage/notifications/outbox_repository.hpp"
#include "support/domain_error.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

class AccountLinkTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        jimu = demo_user("jimu");
    }

    // The newest mail to `email` in the outbox; its link holds the token.
    storage::OutboxRow last_mail_to(const std::string& email) {
        storage::Connection c(*db_);
        storage::OutboxQuery query;
        query.page.limit = 200;
        for (const auto& row : storage::OutboxRepository(c).page(query).items)
            if (row.recipient_address == email) return row;
        ADD_FAILURE() << "no mail to " << email;
        return {};
    }
    // Mails to `email` with `subject` (the demo also tells experts of their assignments).
    int mails_to(const std::string& email,
                 const std::string& subject = "【shido】パスワードの再設定") {
        storage::Connection c(*db_);
        storage::OutboxQuery query;
        query.page.limit = 200;
        int count = 0;
        for (const auto& row : storage::OutboxRepository(c).page(query).items)
            count += row.recipient_address == email && row.subject == subject;
        return count;
    }
    static std::string token_of(const storage::OutboxRow& mail) {
        auto at = mail.link.find("#t=");
        return at == std::string::npos ? "" : mail.link.substr(at + 3);
    }
    core::User invite(const std::string& email) {
        return services_->users.invite(as(jimu), {email, "招待 花子", "expert", "", {}, {}});
    }
    core::User jimu;
};

TEST_F(AccountLinkTest, AnInvitationSetsTheOwnPasswordOnceAndSignsIn) {
    auto user = invite("new.expert@example.jp");
    auto mail = last_mail_to("new.expert@example.jp");
    EXPECT_TRUE(mail.confidential);
    EXPECT_EQ(mail.link.rfind("/account/setup#t=", 0), 0u);
    EXPECT_EQ(mail.subject, "【shido】アカウントへのご招待");
    auto token = token_of(mail);
    auto link = services_->account_links.describe(token);
    EXPECT_EQ(link.purpose, "invitation");
    EXPECT_EQ(link.email, "new.expert@example.jp");
    // Nobody can log in to an invited account, whatever they type.
    EXPECT_EQ(code_of([&] { services_->auth.login("new.expert@example.jp", "", "10.0.0.1"); }),
              core::ErrorCode::unauthenticated);
    auto session =
        services_->account_links.accept_invitation(token, "kimochi-no-ii-asa", "10.0.0.1");
    EXPECT_EQ(session.user.id, user.id);
    EXPECT_TRUE(services_->auth.authenticate(session.token));
    EXPECT_NO_THROW(
        services_->auth.login("new.expert@example.jp", "kimochi-no-ii-asa", "10.0.0.1"));
    EXPECT_EQ(code_of([&] {
                  services_->account_links.accept_invitation(token, "another-long-one", "10.0.0.1");
              }),
              core::ErrorCode::not_found);
    EXPECT_EQ(code_of([&] { services_->account_links.describe(token); }),
              core::ErrorCode::not_found);
}

TEST_F(AccountLinkTest, ACommonOrShortPasswordIsRefusedAndTheLinkStaysUsable) {
    invite("careful@example.jp");
    auto token = token_of(last_mail_to("careful@example.jp"));
    EXPECT_TRUE(fails_on("password", [&] {
        services_->account_links.accept_invitation(token, "Password123", "10.0.0.1");
    }));
    EXPECT_TRUE(fails_on("password", [&] {
        services_->account_links.accept_invitation(token, "short", "10.0.0.1");
    }));
    EXPECT_TRUE(fails_on("password", [&] {
        services_->account_links.accept_invitation(token, "careful@example.jp", "10.0.0.1");
    }));
    EXPECT_NO_THROW(services_->account_links.describe(token));
}

TEST_F(AccountLinkTest, ExpiredForgedAndReplacedLinksAreRefusedAlike) {
    invite("late@example.jp");
    auto first = token_of(last_mail_to("late@example.jp"));
    EXPECT_EQ(code_of([&] { services_->account_links.describe(first + "x"); }),
              core::ErrorCode::not_found);
    EXPECT_EQ(code_of([&] { services_->account_links.describe(""); }), core::ErrorCode::not_found);
    auto user = services_->users.list(as(jimu), {}).items;
    core::Id id = 0;
    for (const auto& u : user)
        if (u.email == "late@example.jp") id = u.id;
    services_->account_links.resend_invitation(as(jimu), id);
    auto second = token_of(last_mail_to("late@example.jp"));
    EXPECT_NE(first, second);
    EXPECT_EQ(code_of([&] { services_->account_links.describe(first); }),
              core::ErrorCode::not_found);
    now_ += services_->account_links.config().invitation_seconds + 1;
    EXPECT_EQ(code_of([&] { services_->account_links.describe(second); }),
              core::ErrorCode::not_found);
}

TEST_F(AccountLinkTest, OnlyTheSecretariatResendsAndOnlyToTheInvited) {
    auto expert = demo_user("expert1");
    EXPECT_EQ(code_of([&] { services_->account_links.resend_invitation(as(expert), jimu.id); }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { services_->account_links.resend_invitation(as(jimu), expert.id); }),
              core::ErrorCode::conflict);
    EXPECT_EQ(code_of([&] { services_->account_links.resend_invitation(as(jimu), 987654); }),
              core::ErrorCode::not_found);
}

TEST_F(AccountLinkTest, AResetAnswersAlikeForUnknownAddressesAndSignsOutEverywhere) {
    auto expert = demo_user("expert1");
    EXPECT_NO_THROW(services_->account_links.request_reset("nobody@example.jp", "10.0.0.2"));
    EXPECT_EQ(mails_to("nobody@example.jp"), 0);
    auto before = services_->auth.login(expert.email, services::demo_password, "10.0.0.2");
    services_->account_links.request_reset(" Expert1@Demo.Shido.JP ", "10.0.0.2");
    auto mail = last_mail_to(expert.email);
    EXPECT_TRUE(mail.confidential);
    EXPECT_EQ(mail.link.rfind("/account/reset#t=", 0), 0u);
    auto token = token_of(mail);
    EXPECT_EQ(services_->account_links.describe(token).purpose, "password_reset");
    // An invitation link does not reset and a reset link does not accept an invitation.
    EXPECT_EQ(code_of([&] {
                  services_->account_links.accept_invitation(token, "atarashii-pass-2", "x");
              }),
              core::ErrorCode::not_found);
    services_->account_links.complete_reset(token, "atarashii-pass-2");
    EXPECT_FALSE(services_->auth.authenticate(before.token));
    EXPECT_EQ(
        code_of([&] { services_->auth.login(expert.email, services::demo_password, "10.0.0.2"); }),
        core::ErrorCode::unauthenticated);
    EXPECT_NO_THROW(services_->auth.login(expert.email, "atarashii-pass-2", "10.0.0.2"));
    EXPECT_EQ(code_of([&] { services_->account_links.complete_reset(token, "sanbanme-pass-3"); }),
              core::ErrorCode::not_found);
    EXPECT_EQ(last_mail_to(expert.email).subject, "【shido】パスワードが設定されました");
}

TEST_F(AccountLinkTest, ResetLinksExpireSoon) {
    auto expert = demo_user("expert2");
    services_->account_links.request_reset(expert.email, "10.0.0.3");
    auto token = token_of(last_mail_to(expert.email));
    now_ += services_->account_links.config().reset_seconds;
    EXPECT_EQ(code_of([&] { services_->account_links.complete_reset(token, "osoi-pass-12"); }),
              core::ErrorCode::not_found);
}

TEST_F(AccountLinkTest, ResetsAreThrottledPerAddressTypedAndPerClient) {
    auto expert = demo_user("expert2");
    const auto per_account = services_->account_links.config().reset_per_account.max_failures;
    for (int i = 0; i < per_account + 2; ++i)
        services_->account_links.request_reset(expert.email, "10.0.1." + std::to_string(i));
    EXPECT_EQ(mails_to(expert.email), per_account);  // answered alike, but no more mails
    const auto per_client = services_->account_links.config().reset_per_address.max_failures;
    for (int i = 0; i < per_client; ++i)
        services_->account_links.request_reset("n" + std::to_string(i) + "@example.jp", "10.9.9.9");
    EXPECT_EQ(
        code_of([&] { services_->account_links.request_reset("last@example.jp", "10.9.9.9"); }),
        core::ErrorCode::too_many_requests);
    now_ += 60 * 60;
    EXPECT_NO_THROW(services_->account_links.request_reset("last@example.jp", "10.9.9.9"));
}

}  // namespace
}  // namespace shido::testing
