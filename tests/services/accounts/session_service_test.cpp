// The sessions a person sees and ends: their own only.
#include <gtest/gtest.h>

#include "storage/audit/audit_repository.hpp"
#include "support/domain_error.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

constexpr const char* chrome_on_windows =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36";

class SessionServiceTest : public DatabaseTest {
  protected:
    std::string hash_of(const services::LoginResult& r) {
        return services_->auth.authenticate(r.token)->token_hash;
    }
    services::LoginResult login(const core::User& user, const std::string& address,
                                const std::string& agent) {
        return services_->auth.login(user.email, "test-password-123", address, agent);
    }
    std::size_t audited(const std::string& action) {
        storage::Connection c(*db_);
        storage::AuditQuery q;
        q.action = action;
        return storage::AuditRepository(c).page(q).items.size();
    }
};

TEST_F(SessionServiceTest, ListsOwnSessionsWithDeviceAndAddress) {
    auto me = add_user("member@example.jp", "利用 者", core::Role::expert);
    auto first = login(me, "10.0.0.1", chrome_on_windows);
    now_ += 120;
    auto second = login(me, "10.0.0.2", "curl/8");
    auto sessions = services_->sessions.list(as(me), hash_of(second));
    ASSERT_EQ(sessions.size(), 2u);
    EXPECT_TRUE(sessions[0].current);  // the most recently seen first
    EXPECT_EQ(sessions[0].client_address, "10.0.0.2");
    EXPECT_EQ(sessions[0].device, "不明な端末");
    EXPECT_FALSE(sessions[1].current);
    EXPECT_EQ(sessions[1].device, "Chrome（Windows）");
    EXPECT_EQ(sessions[1].user_agent, chrome_on_windows);
    EXPECT_EQ(sessions[1].created_at, now_ - 120);
    EXPECT_NE(sessions[0].id, sessions[1].id);
    EXPECT_EQ(sessions[0].id.size(), 32u);
    // The public id is not the token, nor its hash.
    EXPECT_NE(sessions[0].id, second.token);
    EXPECT_NE(sessions[0].id, hash_of(second));
    (void)first;
}

TEST_F(SessionServiceTest, ExpiredSessionsAreNotListed) {
    auto me = add_user("member@example.jp", "利用 者", core::Role::expert);
    login(me, "10.0.0.1", "a");
    now_ += 3 * 60 * 60;  // past the idle timeout
    auto fresh = login(me, "10.0.0.1", "b");
    EXPECT_EQ(services_->sessions.list(as(me), hash_of(fresh)).size(), 1u);
}

TEST_F(SessionServiceTest, SignOutOneOwnSessionOnly) {
    auto me = add_user("member@example.jp", "利用 者", core::Role::expert);
    auto other = add_user("other@example.jp", "他 人", core::Role::expert);
    auto phone = login(me, "10.0.0.1", "phone");
    auto laptop = login(me, "10.0.0.2", "laptop");
    auto theirs = login(other, "10.0.0.3", "theirs");
    auto current = hash_of(laptop);
    auto list = services_->sessions.list(as(me), current);
    auto phone_id = list[0].current ? list[1].id : list[0].id;
    auto their_id = services_->sessions.list(as(other), hash_of(theirs))[0].id;

    EXPECT_EQ(code_of([&] { services_->sessions.sign_out(as(me), current, their_id); }),
              core::ErrorCode::not_found);
    EXPECT_TRUE(services_->auth.authenticate(theirs.token));
    EXPECT_EQ(code_of([&] { services_->sessions.sign_out(as(me), current, ""); }),
              core::ErrorCode::not_found);

    EXPECT_FALSE(services_->sessions.sign_out(as(me), current, phone_id));
    EXPECT_FALSE(services_->auth.authenticate(phone.token));
    EXPECT_TRUE(services_->auth.authenticate(laptop.token));
    EXPECT_EQ(audited("sign_out_session"), 1u);
    EXPECT_EQ(code_of([&] { services_->sessions.sign_out(as(me), current, phone_id); }),
              core::ErrorCode::not_found);
    // Ending the current one says so (the cookie goes too).
    auto laptop_id = services_->sessions.list(as(me), current)[0].id;
    EXPECT_TRUE(services_->sessions.sign_out(as(me), current, laptop_id));
    EXPECT_FALSE(services_->auth.authenticate(laptop.token));
}

TEST_F(SessionServiceTest, SignOutOthersKeepsTheCurrentOne) {
    auto me = add_user("member@example.jp", "利用 者", core::Role::expert);
    auto other = add_user("other@example.jp", "他 人", core::Role::expert);
    auto a = login(me, "10.0.0.1", "a");
    auto b = login(me, "10.0.0.1", "b");
    auto c = login(me, "10.0.0.1", "c");
    auto theirs = login(other, "10.0.0.3", "theirs");
    EXPECT_EQ(services_->sessions.sign_out_others(as(me), hash_of(b)), 2);
    EXPECT_FALSE(services_->auth.authenticate(a.token));
    EXPECT_TRUE(services_->auth.authenticate(b.token));
    EXPECT_FALSE(services_->auth.authenticate(c.token));
    EXPECT_TRUE(services_->auth.authenticate(theirs.token));
    EXPECT_EQ(audited("sign_out_other_sessions"), 1u);
}

}  // namespace
}  // namespace shido::testing
