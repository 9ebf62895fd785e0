// The second factor end to end at the service level: enrolment, a login in two steps, codes
// working once, recovery codes, the limits on wrong codes, turning it off and the
// secretariat's reset.
#include <cctype>
#include <set>

#include <gtest/gtest.h>

#include "core/accounts/recovery_code.hpp"
#include "services/accounts/second_factor.hpp"
#include "services/accounts/totp.hpp"
#include "services/demo/demo_data.hpp"
#include "storage/accounts/two_factor_repository.hpp"
#include "storage/audit/audit_repository.hpp"
#include "support/domain_error.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

constexpr const char* password = "test-password-123";  // DatabaseTest::add_user's

class TwoFactorServiceTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        expert = add_user("new.expert@example.jp", "新任 専門家", core::Role::expert);
    }

    // The code an authenticator app shows for `secret` at `now_` (or `offset` steps away).
    std::string code_for(const std::string& secret, long long offset = 0) {
        return services::totp_code(services::decode_base32(secret), now_ / 30 + offset);
    }

    // Enrols `user` and returns the secret; the recovery codes go to `codes`.
    std::string enrol(const core::User& user, std::vector<std::string>* codes = nullptr) {
        auto enrolment = services_->two_factor.start_enrolment(as(user));
        auto issued = services_->two_factor.confirm(as(user), code_for(enrolment.secret));
        if (codes) *codes = issued;
        now_ += 30;  // the next code is a new one
        return enrolment.secret;
    }

    services::LoginResult password_step(const core::User& user) {
        auto result = services_->auth.login(user.email, password, "10.0.0.1", "test-agent");
        EXPECT_TRUE(result.token.empty());
        EXPECT_FALSE(result.challenge.empty());
        return result;
    }

    services::LoginResult second_step(const std::string& challenge, std::optional<std::string> code,
                                      std::optional<std::string> recovery = std::nullopt) {
        return services_->auth.login_second_factor(
            {challenge, std::move(code), std::move(recovery)}, {"10.0.0.1", "test-agent"});
    }

    std::vector<storage::AuditEntry> audit(const std::string& action) {
        storage::Connection c(*db_);
        storage::AuditQuery q;
        q.action = action;
        return storage::AuditRepository(c).page(q).items;
    }

    long long count(const std::string& sql) {
        storage::Connection c(*db_);
        long long n = 0;
        c.sql() << sql, soci::into(n);
        return n;
    }

    core::User expert;
};

TEST_F(TwoFactorServiceTest, EnrolmentNeedsTheFirstCodeAndGivesTenRecoveryCodes) {
    auto before = services_->two_factor.status(as(expert));
    EXPECT_TRUE(before.required);
    EXPECT_FALSE(before.enabled);
    auto enrolment = services_->two_factor.start_enrolment(as(expert));
    EXPECT_EQ(enrolment.secret.size(), 32u);
    EXPECT_NE(enrolment.otpauth_uri.find("otpauth://totp/shido:new.expert%40example.jp?secret=" +
                                         enrolment.secret),
              std::string::npos);
    EXPECT_FALSE(services_->two_factor.status(as(expert)).enabled);  // pending only

    EXPECT_TRUE(fails_on("code", [&] { services_->two_factor.confirm(as(expert), "000000"); }));
    auto codes = services_->two_factor.confirm(as(expert), code_for(enrolment.secret));
    ASSERT_EQ(codes.size(), 10u);
    std::set<std::string> distinct(codes.begin(), codes.end());
    EXPECT_EQ(distinct.size(), 10u);
    for (const auto& code : codes) EXPECT_EQ(core::normalise_recovery_code(code), code);

    auto after = services_->two_factor.status(as(expert));
    EXPECT_TRUE(after.enabled);
    EXPECT_EQ(after.confirmed_at, now_);
    EXPECT_EQ(after.recovery_codes_left, 10);
    EXPECT_EQ(code_of([&] { services_->two_factor.start_enrolment(as(expert)); }),
              core::ErrorCode::conflict);
    ASSERT_EQ(audit("enable_two_factor").size(), 1u);
    // Neither the secret nor a recovery code is in the audit log.
    auto entry = audit("enable_two_factor").front();
    EXPECT_EQ(entry.after_json->find(enrolment.secret), std::string::npos);
    // Only hashes are stored.
    EXPECT_EQ(count("SELECT COUNT(*) FROM recovery_codes WHERE code_hash = '" + codes[0] + "'"), 0);
}

TEST_F(TwoFactorServiceTest, ANewEnrolmentReplacesAPendingSecret) {
    auto first = services_->two_factor.start_enrolment(as(expert));
    auto second = services_->two_factor.start_enrolment(as(expert));
    EXPECT_NE(first.secret, second.secret);
    EXPECT_TRUE(fails_on(
        "code", [&] { services_->two_factor.confirm(as(expert), code_for(first.secret)); }));
    EXPECT_EQ(services_->two_factor.confirm(as(expert), code_for(second.secret)).size(), 10u);
}

TEST_F(TwoFactorServiceTest, PasswordThenCodeOpensASession) {
    auto secret = enrol(expert);
    auto first = password_step(expert);
    auto session = second_step(first.challenge, code_for(secret));
    ASSERT_FALSE(session.token.empty());
    auto authenticated = services_->auth.authenticate(session.token);
    ASSERT_TRUE(authenticated);
    EXPECT_EQ(authenticated->user.id, expert.id);
    // The challenge is spent.
    EXPECT_EQ(code_of([&] { second_step(first.challenge, code_for(secret)); }),
              core::ErrorCode::unauthenticated);
}

TEST_F(TwoFactorServiceTest, ACodeWorksOnce) {
    auto secret = enrol(expert);
    auto code = code_for(secret);
    second_step(password_step(expert).challenge, code);
    auto again = error_of([&] { second_step(password_step(expert).challenge, code); });
    ASSERT_TRUE(again);
    EXPECT_EQ(again->code(), core::ErrorCode::unauthenticated);
    EXPECT_NE(std::string(again->what()).find("使用済み"), std::string::npos);
    // The next step's code is fine.
    now_ += 30;
    EXPECT_NO_THROW(second_step(password_step(expert).challenge, code_for(secret)));
}

TEST_F(TwoFactorServiceTest, ARecoveryCodeWorksOnceInAnyCase) {
    std::vector<std::string> codes;
    enrol(expert, &codes);
    auto upper = codes[3];
    for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    auto outbox_before =
        count("SELECT COUNT(*) FROM outbox WHERE recipient_id = " + std::to_string(expert.id));
    EXPECT_NO_THROW(second_step(password_step(expert).challenge, std::nullopt, upper));
    EXPECT_EQ(services_->two_factor.status(as(expert)).recovery_codes_left, 9);
    // Audited with the address and what is left, and the person is told by mail.
    auto used = audit("use_recovery_code");
    ASSERT_EQ(used.size(), 1u);
    EXPECT_EQ(used.front().entity_id, expert.id);
    EXPECT_NE(used.front().after_json.value_or("").find("\"recovery_codes_left\":9"),
              std::string::npos);
    EXPECT_NE(used.front().after_json.value_or("").find("\"address\":\"10.0.0.1\""),
              std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient_id = " +
                    std::to_string(expert.id) + " AND subject LIKE '%回復コード%'"),
              1);
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM outbox WHERE recipient_id = " + std::to_string(expert.id)),
        outbox_before + 1);
    EXPECT_EQ(
        code_of([&] { second_step(password_step(expert).challenge, std::nullopt, codes[3]); }),
        core::ErrorCode::unauthenticated);
}

TEST_F(TwoFactorServiceTest, FiveWrongCodesEndTheChallenge) {
    auto secret = enrol(expert);
    auto challenge = password_step(expert).challenge;
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(code_of([&] { second_step(challenge, "000000"); }),
                  core::ErrorCode::unauthenticated);
    EXPECT_EQ(code_of([&] { second_step(challenge, code_for(secret)); }),
              core::ErrorCode::too_many_requests);
    // Wrong codes are in the audit log like failed logins.
    auto failed = audit("login_failed");
    ASSERT_EQ(failed.size(), 5u);
    EXPECT_NE(failed.front().after_json->find("\"second_factor\":true"), std::string::npos);
    EXPECT_EQ(failed.front().entity_id, expert.id);
}

TEST_F(TwoFactorServiceTest, WrongCodesAcrossChallengesAreThrottledPerAccount) {
    auto secret = enrol(expert);
    for (int round = 0; round < 2; ++round) {
        auto challenge = password_step(expert).challenge;
        for (int i = 0; i < 5; ++i) EXPECT_TRUE(code_of([&] { second_step(challenge, "000000"); }));
    }
    auto challenge = password_step(expert).challenge;
    EXPECT_EQ(code_of([&] { second_step(challenge, code_for(secret)); }),
              core::ErrorCode::too_many_requests);
    now_ += 15 * 60;
    challenge = password_step(expert).challenge;
    EXPECT_NO_THROW(second_step(challenge, code_for(secret)));
}

TEST_F(TwoFactorServiceTest, ExpiredForgedAndMalformedChallenges) {
    auto secret = enrol(expert);
    auto challenge = password_step(expert).challenge;
    now_ += 5 * 60;
    EXPECT_EQ(code_of([&] { second_step(challenge, code_for(secret)); }),
              core::ErrorCode::unauthenticated);
    EXPECT_EQ(code_of([&] { second_step("forged-challenge", code_for(secret)); }),
              core::ErrorCode::unauthenticated);
    EXPECT_EQ(code_of([&] { second_step(challenge, std::nullopt); }), core::ErrorCode::validation);
    EXPECT_EQ(code_of([&] { second_step(challenge, "123456", "abcd-efgh"); }),
              core::ErrorCode::validation);
    // A newer login ends the older challenge.
    auto older = password_step(expert).challenge;
    auto newer = password_step(expert).challenge;
    EXPECT_EQ(code_of([&] { second_step(older, code_for(secret)); }),
              core::ErrorCode::unauthenticated);
    EXPECT_NO_THROW(second_step(newer, code_for(secret)));
}

TEST_F(TwoFactorServiceTest, WithoutASecondFactorTheLoginIsOneStep) {
    auto result = services_->auth.login(expert.email, password, "10.0.0.1", "agent");
    EXPECT_TRUE(result.challenge.empty());
    EXPECT_FALSE(result.token.empty());
}

TEST_F(TwoFactorServiceTest, RenewingRecoveryCodesNeedsACurrentCode) {
    std::vector<std::string> old_codes;
    auto secret = enrol(expert, &old_codes);
    EXPECT_TRUE(fails_on(
        "code", [&] { services_->two_factor.renew_recovery_codes(as(expert), "000000"); }));
    auto fresh = services_->two_factor.renew_recovery_codes(as(expert), code_for(secret));
    EXPECT_EQ(fresh.size(), 10u);
    EXPECT_EQ(audit("renew_recovery_codes").size(), 1u);
    EXPECT_EQ(
        code_of([&] { second_step(password_step(expert).challenge, std::nullopt, old_codes[0]); }),
        core::ErrorCode::unauthenticated);
    EXPECT_NO_THROW(second_step(password_step(expert).challenge, std::nullopt, fresh[0]));
}

TEST_F(TwoFactorServiceTest, OnlyCompanyMembersTurnItOffWithTheirPassword) {
    enrol(expert);
    EXPECT_EQ(code_of([&] { services_->two_factor.disable(as(expert), password); }),
              core::ErrorCode::forbidden);
    auto owner = demo_user("owner1");
    auto manager =
        add_user("manager@example.jp", "管理 者", core::Role::company, owner.company_id, "manager");
    EXPECT_EQ(code_of([&] { services_->two_factor.disable(as(manager), password); }),
              core::ErrorCode::conflict);  // nothing to turn off
    enrol(manager);
    EXPECT_TRUE(fails_on("password",
                         [&] { services_->two_factor.disable(as(manager), "wrong-password"); }));
    services_->two_factor.disable(as(manager), password);
    EXPECT_FALSE(services_->two_factor.status(as(manager)).enabled);
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM recovery_codes WHERE user_id = " + std::to_string(manager.id)),
        0);
    EXPECT_EQ(audit("disable_two_factor").size(), 1u);
    // Signing in is one step again.
    auto result = services_->auth.login(manager.email, password, "10.0.0.1");
    EXPECT_FALSE(result.token.empty());
}

TEST_F(TwoFactorServiceTest, TheSecretariatResetsASecondFactor) {
    auto jimu = demo_user("jimu");
    auto secret = enrol(expert);
    auto session = second_step(password_step(expert).challenge, code_for(secret));
    auto outbox_before = count("SELECT COUNT(*) FROM outbox");

    EXPECT_EQ(code_of([&] { services_->two_factor.reset(as(expert), expert.id); }),
              core::ErrorCode::forbidden);
    services_->two_factor.reset(as(jimu), expert.id);
    EXPECT_FALSE(services_->auth.authenticate(session.token));  // signed out everywhere
    EXPECT_FALSE(services_->two_factor.status(as(expert)).enabled);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), outbox_before + 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient_id = " +
                    std::to_string(expert.id) + " AND confidential = 0"),
              1);
    auto reset = audit("reset_two_factor");
    ASSERT_EQ(reset.size(), 1u);
    EXPECT_EQ(reset.front().actor_id, jimu.id);
    EXPECT_EQ(reset.front().entity_id, expert.id);

    EXPECT_EQ(code_of([&] { services_->two_factor.reset(as(jimu), expert.id); }),
              core::ErrorCode::conflict);
    EXPECT_EQ(code_of([&] { services_->two_factor.reset(as(jimu), 999999); }),
              core::ErrorCode::not_found);
    // The next login is one step, and the person must enrol again.
    auto again = services_->auth.login(expert.email, password, "10.0.0.1");
    ASSERT_FALSE(again.token.empty());
    EXPECT_FALSE(services_->auth.authenticate(again.token)->user.two_factor_enabled);
}

TEST_F(TwoFactorServiceTest, DemoAccountsAreExemptAndSaySo) {
    EXPECT_FALSE(services_->two_factor.demo_accounts_skip_second_factor());
    auto jimu = demo_user("jimu");
    EXPECT_TRUE(jimu.second_factor_exempt);
    EXPECT_FALSE(expert.second_factor_exempt);
    EXPECT_TRUE(services_->two_factor.demo_accounts_skip_second_factor());
    EXPECT_FALSE(services_->two_factor.status(as(jimu)).required);
}

}  // namespace
}  // namespace shido::testing
