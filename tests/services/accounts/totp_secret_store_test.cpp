// The TOTP secrets sealed at rest: what the database holds, what opens it, the key file, and
// the second factor working end to end with a key.
#include "services/accounts/totp_secret_store.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "services/accounts/totp.hpp"
#include "services/crypto.hpp"
#include "storage/transaction.hpp"
#include "support/domain_error.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

namespace fs = std::filesystem;

const std::string sealing_key_a(services::totp_key_bytes, 'a');
const std::string sealing_key_b(services::totp_key_bytes, 'b');
constexpr const char* plain_totp_secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

TEST(TotpSecretSealing, OpensOnlyWithItsKeyForItsUserAndUnchanged) {
    services::init_crypto();
    auto sealed = services::seal_totp_secret(sealing_key_a, 7, plain_totp_secret);
    EXPECT_TRUE(services::is_sealed_totp_secret(sealed));
    EXPECT_EQ(sealed.find(plain_totp_secret), std::string::npos);
    EXPECT_NE(sealed, services::seal_totp_secret(sealing_key_a, 7,
                                                 plain_totp_secret));  // a new nonce each time
    EXPECT_EQ(services::open_totp_secret(sealing_key_a, 7, sealed), plain_totp_secret);
    EXPECT_FALSE(services::open_totp_secret(sealing_key_b, 7, sealed));
    EXPECT_FALSE(services::open_totp_secret(sealing_key_a, 8, sealed));  // moved to another user
    auto changed = sealed;
    changed.back() = changed.back() == '0' ? '1' : '0';
    EXPECT_FALSE(services::open_totp_secret(sealing_key_a, 7, changed));
    EXPECT_FALSE(services::open_totp_secret(sealing_key_a, 7, "s1:zz"));
    EXPECT_FALSE(services::open_totp_secret(sealing_key_a, 7,
                                            plain_totp_secret));  // a plain value is not sealed
}

TEST(TotpKeyFile, IsMadeOnceReadableByItsOwnerOnlyAndReadBackTheSame) {
    services::init_crypto();
    auto dir = fs::temp_directory_path() / ("shido-key-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    auto file = dir / "plain_totp_secret.key";
    auto made = services::read_or_create_totp_key(file);
    EXPECT_EQ(made.size(), services::totp_key_bytes);
    struct stat info {};
    ASSERT_EQ(::stat(file.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    EXPECT_EQ(services::read_or_create_totp_key(file), made);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);

    std::ofstream(dir / "short.key") << "abcd\n";
    EXPECT_THROW(services::read_or_create_totp_key(dir / "short.key"), std::runtime_error);
    std::ofstream(dir / "text.key") << std::string(64, 'x') << "\n";
    EXPECT_THROW(services::read_or_create_totp_key(dir / "text.key"), std::runtime_error);
    fs::remove_all(dir);
}

TEST(TotpKeyFile, ServersStartingTogetherAgreeOnOneKey) {
    services::init_crypto();
    auto dir = fs::temp_directory_path() / ("shido-key-race-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    std::vector<std::string> keys(8);
    std::vector<std::thread> starts;
    for (auto& key : keys)
        starts.emplace_back([&] { key = services::read_or_create_totp_key(dir / "secret.key"); });
    for (auto& start : starts) start.join();
    for (const auto& key : keys) EXPECT_EQ(key, keys.front());
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
    fs::remove_all(dir);
}

class TotpSecretStoreTest : public DatabaseTest {
  protected:
    std::string raw_value(core::Id user_id) {
        storage::Connection c(*db_);
        return storage::TwoFactorSecretRepository(c).find(user_id)->secret;
    }
};

TEST_F(TotpSecretStoreTest, WithAKeyTheDatabaseHoldsOnlyTheSealedSecret) {
    auto user = add_user("sealed@example.jp", "封印 太郎", core::Role::expert);
    storage::Connection c(*db_);
    ASSERT_TRUE(
        services::TotpSecretStore(c, sealing_key_a).put_pending(user.id, plain_totp_secret, now_));
    EXPECT_TRUE(services::is_sealed_totp_secret(raw_value(user.id)));
    EXPECT_EQ(raw_value(user.id).find(plain_totp_secret), std::string::npos);
    EXPECT_EQ(services::TotpSecretStore(c, sealing_key_a).find(user.id)->secret, plain_totp_secret);
    // The wrong key, or none, cannot check anybody's code: a fault, not a wrong code.
    EXPECT_EQ(code_of([&] { services::TotpSecretStore(c, sealing_key_b).find(user.id); }),
              core::ErrorCode::internal);
    EXPECT_EQ(code_of([&] { services::TotpSecretStore(c, "").find(user.id); }),
              core::ErrorCode::internal);
}

TEST_F(TotpSecretStoreTest, SecretsStoredPlainBeforeTheKeyAreSealedAtStartOnce) {
    auto plain = add_user("plain@example.jp", "平文 花子", core::Role::expert);
    auto sealed = add_user("already@example.jp", "封印 次郎", core::Role::expert);
    storage::Connection c(*db_);
    services::TotpSecretStore(c, "").put_pending(plain.id, plain_totp_secret, now_);
    services::TotpSecretStore(c, sealing_key_a).put_pending(sealed.id, plain_totp_secret, now_);
    auto sealed_before = raw_value(sealed.id);
    EXPECT_EQ(raw_value(plain.id), plain_totp_secret);
    auto check = services::TotpSecretStore(c, sealing_key_a).check_and_seal();
    EXPECT_EQ(check.unopenable, 0);
    EXPECT_EQ(check.sealed_now, 1);
    EXPECT_TRUE(services::is_sealed_totp_secret(raw_value(plain.id)));
    EXPECT_EQ(raw_value(sealed.id), sealed_before);
    EXPECT_EQ(services::TotpSecretStore(c, sealing_key_a).find(plain.id)->secret,
              plain_totp_secret);
    EXPECT_EQ(services::TotpSecretStore(c, sealing_key_a).check_and_seal().sealed_now, 0);
}

TEST_F(TotpSecretStoreTest, AServerWhoseKeyCannotOpenTheSealedSecretsIsStoppedAndChangesNothing) {
    auto sealed = add_user("sealed-a@example.jp", "封印 四郎", core::Role::expert);
    auto plain = add_user("plain-b@example.jp", "平文 五郎", core::Role::expert);
    storage::Connection c(*db_);
    services::TotpSecretStore(c, sealing_key_a).put_pending(sealed.id, plain_totp_secret, now_);
    services::TotpSecretStore(c, "").put_pending(plain.id, plain_totp_secret, now_);
    auto wrong_key = services::TotpSecretStore(c, sealing_key_b).check_and_seal();
    EXPECT_EQ(wrong_key.unopenable, 1);
    EXPECT_EQ(wrong_key.sealed_now, 0);  // nothing sealed with a key that may be the wrong one
    EXPECT_EQ(raw_value(plain.id), plain_totp_secret);
    EXPECT_EQ(services::TotpSecretStore(c, "").check_and_seal().unopenable, 1);
}

TEST_F(TotpSecretStoreTest, APlainSecretReadWithAKeyIsSealedOnTheWay) {
    // (Written by a server that was started without the key.)
    auto user = add_user("late@example.jp", "後続 六郎", core::Role::expert);
    storage::Connection c(*db_);
    services::TotpSecretStore(c, "").put_pending(user.id, plain_totp_secret, now_);
    EXPECT_EQ(services::TotpSecretStore(c, sealing_key_a).find(user.id)->secret, plain_totp_secret);
    EXPECT_TRUE(services::is_sealed_totp_secret(raw_value(user.id)));
    EXPECT_EQ(services::TotpSecretStore(c, sealing_key_a).find(user.id)->secret, plain_totp_secret);
}

TEST_F(TotpSecretStoreTest, EnrolmentAndATwoStepLoginWorkWithAKey) {
    auto with_key = env();
    with_key.totp_key = sealing_key_a;
    services_ = std::make_unique<services::Services>(with_key, services::AuthConfig{});
    auto user = add_user("keyed@example.jp", "鍵付 三郎", core::Role::expert);
    auto code_at = [&](const std::string& s, long long step) {
        return services::totp_code(services::decode_base32(s), step);
    };
    auto enrolment = services_->two_factor.start_enrolment(as(user));
    EXPECT_TRUE(services::is_sealed_totp_secret(raw_value(user.id)));
    services_->two_factor.confirm(as(user), code_at(enrolment.secret, now_ / 30));
    now_ += 30;
    auto step = services_->auth.login(user.email, "test-password-123", "10.0.0.1", "test-agent");
    ASSERT_FALSE(step.challenge.empty());
    auto session = services_->auth.login_second_factor(
        {step.challenge, code_at(enrolment.secret, now_ / 30), std::nullopt},
        {"10.0.0.1", "test-agent"});
    EXPECT_FALSE(session.token.empty());
}

}  // namespace
}  // namespace shido::testing
