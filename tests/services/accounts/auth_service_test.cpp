#include <gtest/gtest.h>

#include "services/accounts/auth_service.hpp"
#include "services/demo/demo_data.hpp"
#include "support/domain_error.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using AuthServiceTest = DatabaseTest;

std::optional<core::ErrorCode> login_error(services::AuthService& auth, const std::string& email,
                                           const std::string& password,
                                           const std::string& address = "10.0.0.1") {
    return code_of([&] { auth.login(email, password, address); });
}

TEST_F(AuthServiceTest, LoginCreatesASessionThatAuthenticates) {
    demo_user("jimu");
    auto result =
        services_->auth.login(" JIMU@demo.shido.jp ", services::demo_password, "10.0.0.1");
    EXPECT_EQ(result.user.role, core::Role::secretariat);
    EXPECT_GE(result.token.size(), 43u);  // 256 bits, base64url
    auto session = services_->auth.authenticate(result.token);
    ASSERT_TRUE(session);
    EXPECT_EQ(session->csrf_token, result.csrf_token);
    EXPECT_FALSE(services_->auth.authenticate(result.token + "x"));
}

TEST_F(AuthServiceTest, OnlyTheTokenHashIsStored) {
    demo_user("jimu");
    auto result = services_->auth.login("jimu@demo.shido.jp", services::demo_password, "10.0.0.1");
    storage::Connection c(*db_);
    int plain = 0;
    c.sql() << "SELECT COUNT(*) FROM auth_sessions WHERE token_hash = :t", soci::use(result.token),
        soci::into(plain);
    EXPECT_EQ(plain, 0);
}

TEST_F(AuthServiceTest, WrongPasswordAndUnknownUserLookTheSame) {
    demo_user("jimu");
    EXPECT_EQ(login_error(services_->auth, "jimu@demo.shido.jp", "wrong-password"),
              core::ErrorCode::unauthenticated);
    EXPECT_EQ(login_error(services_->auth, "nobody@demo.shido.jp", "wrong-password"),
              core::ErrorCode::unauthenticated);
}

TEST_F(AuthServiceTest, AccountIsThrottledAfterRepeatedFailuresEvenWithTheRightPassword) {
    demo_user("jimu");
    for (int i = 0; i < 5; ++i)
        login_error(services_->auth, "jimu@demo.shido.jp", "wrong", "10.0.0." + std::to_string(i));
    EXPECT_EQ(
        login_error(services_->auth, "jimu@demo.shido.jp", services::demo_password, "10.0.0.99"),
        core::ErrorCode::too_many_requests);
    now_ += 15 * 60;  // the window has passed
    EXPECT_NO_THROW(
        services_->auth.login("jimu@demo.shido.jp", services::demo_password, "10.0.0.99"));
}

TEST_F(AuthServiceTest, AddressIsThrottledAcrossAccounts) {
    demo_user("jimu");
    for (int i = 0; i < 30; ++i)
        login_error(services_->auth, "user" + std::to_string(i) + "@x.jp", "wrong", "10.9.9.9");
    EXPECT_EQ(
        login_error(services_->auth, "jimu@demo.shido.jp", services::demo_password, "10.9.9.9"),
        core::ErrorCode::too_many_requests);
}

TEST_F(AuthServiceTest, IdleAndAbsoluteExpiry) {
    demo_user("jimu");
    const auto& config = services_->auth.config();
    auto token =
        services_->auth.login("jimu@demo.shido.jp", services::demo_password, "10.0.0.1").token;
    now_ += config.idle_timeout_seconds - 10;
    ASSERT_TRUE(services_->auth.authenticate(token));  // activity renews the idle window
    now_ += config.idle_timeout_seconds - 10;
    ASSERT_TRUE(services_->auth.authenticate(token));
    now_ += config.idle_timeout_seconds + 1;
    EXPECT_FALSE(services_->auth.authenticate(token));

    auto second =
        services_->auth.login("jimu@demo.shido.jp", services::demo_password, "10.0.0.1").token;
    auto start = now_;
    while (now_ < start + config.absolute_timeout_seconds) {
        ASSERT_TRUE(services_->auth.authenticate(second));
        now_ += config.idle_timeout_seconds / 2;
    }
    EXPECT_FALSE(services_->auth.authenticate(second));
}

TEST_F(AuthServiceTest, LogoutEndsTheSession) {
    demo_user("jimu");
    auto token =
        services_->auth.login("jimu@demo.shido.jp", services::demo_password, "10.0.0.1").token;
    auto session = services_->auth.authenticate(token);
    services_->auth.logout(session->token_hash);
    EXPECT_FALSE(services_->auth.authenticate(token));
}

TEST_F(AuthServiceTest, PasswordChangeSignsOutOtherSessions) {
    auto expert = demo_user("expert1");
    auto here =
        services_->auth.login("expert1@demo.shido.jp", services::demo_password, "10.0.0.1").token;
    auto elsewhere =
        services_->auth.login("expert1@demo.shido.jp", services::demo_password, "10.0.0.2").token;
    auto session = services_->auth.authenticate(here);
    EXPECT_TRUE(fails_on("current_password", [&] {
        services_->auth.change_password(as(expert), session->token_hash, "wrong-current",
                                        "new-password-123");
    }));
    EXPECT_TRUE(fails_on("new_password", [&] {
        services_->auth.change_password(as(expert), session->token_hash, services::demo_password,
                                        "short");
    }));
    services_->auth.change_password(as(expert), session->token_hash, services::demo_password,
                                    "new-password-123");
    EXPECT_TRUE(services_->auth.authenticate(here));
    EXPECT_FALSE(services_->auth.authenticate(elsewhere));
    EXPECT_EQ(login_error(services_->auth, "expert1@demo.shido.jp", services::demo_password),
              core::ErrorCode::unauthenticated);
    EXPECT_NO_THROW(services_->auth.login("expert1@demo.shido.jp", "new-password-123", "10.0.0.3"));

    services::AuditFilter filter;
    filter.action = "change_password";
    auto entries = services_->audit.list(as(demo_user("jimu")), filter).items;
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].entity, "user");
    EXPECT_EQ(entries[0].entity_id, expert.id);
    EXPECT_FALSE(entries[0].before_json);  // no password, not even hashed, reaches the log
    EXPECT_FALSE(entries[0].after_json);
}

}  // namespace
}  // namespace shido::testing
