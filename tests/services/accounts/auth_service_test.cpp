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

// Logs in with the right password from `address`, waiting (on the test clock) whenever the
// account's slow-down asks to; gives the seconds waited.
core::Timestamp seconds_to_get_in(services::AuthService& auth, core::Timestamp& now,
                                  const std::string& address) {
    core::Timestamp waited = 0;
    for (int tries = 0; tries < 100; ++tries) {
        auto error = login_error(auth, "jimu@demo.shido.jp", services::demo_password, address);
        if (!error) return waited;
        EXPECT_EQ(error, core::ErrorCode::too_many_requests);
        now += 1;
        waited += 1;
    }
    ADD_FAILURE() << "locked out from " << address;
    return waited;
}

TEST_F(AuthServiceTest, OneAddressGuessingOneAccountIsRefusedEvenTheRightPassword) {
    demo_user("jimu");
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(login_error(services_->auth, "jimu@demo.shido.jp", "wrong", "10.0.0.1"),
                  core::ErrorCode::unauthenticated);
    EXPECT_EQ(
        login_error(services_->auth, "jimu@demo.shido.jp", services::demo_password, "10.0.0.1"),
        core::ErrorCode::too_many_requests);
    // The owner elsewhere is not locked out: at most a short pause.
    EXPECT_LE(seconds_to_get_in(services_->auth, now_, "10.0.0.99"), 2);
    now_ += 15 * 60;  // the window has passed for the guessing address too
    EXPECT_NO_THROW(
        services_->auth.login("jimu@demo.shido.jp", services::demo_password, "10.0.0.1"));
}

TEST_F(AuthServiceTest, AStrangerFromManyAddressesIsSlowedAndTheOwnerStillGetsIn) {
    demo_user("jimu");
    // The owner's usual address.
    EXPECT_NO_THROW(
        services_->auth.login("jimu@demo.shido.jp", services::demo_password, "192.0.2.10"));
    // Ten minutes of one guess per second, each from a new address.
    int checked = 0, slowed = 0;
    for (int i = 0; i < 600; ++i, now_ += 1) {
        auto error =
            login_error(services_->auth, "jimu@demo.shido.jp", "guess",
                        "198.51." + std::to_string(i / 250) + "." + std::to_string(i % 250));
        if (error == core::ErrorCode::unauthenticated) ++checked;
        if (error == core::ErrorCode::too_many_requests) ++slowed;
    }
    // 5 free guesses, then pauses doubling to a minute: about 16 checked instead of 600.
    EXPECT_LE(checked, 20);
    EXPECT_GE(slowed, 575);
    // The owner's known address is not slowed at all; a new one waits at most the pause.
    EXPECT_EQ(seconds_to_get_in(services_->auth, now_, "192.0.2.10"), 0);
    EXPECT_LE(seconds_to_get_in(services_->auth, now_, "203.0.113.7"), 60);
}

TEST_F(AuthServiceTest, FailedLoginsAreAudited) {
    demo_user("jimu");
    login_error(services_->auth, "jimu@demo.shido.jp", "wrong", "10.1.2.3");
    storage::Connection c(*db_);
    int failures = 0;
    c.sql() << "SELECT COUNT(*) FROM audit_log WHERE action = 'login_failed' AND entity = 'user' "
               "AND after_json LIKE '%10.1.2.3%'",
        soci::into(failures);
    EXPECT_EQ(failures, 1);
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
