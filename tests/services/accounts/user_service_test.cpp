#include "services/accounts/user_service.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/domain_error.hpp"
#include "support/page_walk.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

class UserServiceTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        jimu = demo_user("jimu");
    }
    services::NewUser new_user(const std::string& email, const std::string& role) {
        return {email, "新規 利用者", role, "", {}, {}};
    }
    core::User jimu;
};

TEST_F(UserServiceTest, ListIsTheSecretariatsByRoleThenName) {
    auto page = services_->users.list(as(jimu), {});
    EXPECT_EQ(page.total, 5);
    std::vector<std::string> order;
    for (const auto& u : page.items) order.push_back(u.email);
    // company < expert < secretariat, then by name (製作 太郎 < 運輸 次郎 in code points)
    EXPECT_EQ(order, (std::vector<std::string>{"owner1@demo.shido.jp", "owner2@demo.shido.jp",
                                               "expert1@demo.shido.jp", "expert2@demo.shido.jp",
                                               "jimu@demo.shido.jp"}));
    services::UserFilter experts;
    experts.role = core::Role::expert;
    experts.page.limit = 1;
    auto first = services_->users.list(as(jimu), experts);
    EXPECT_EQ(first.total, 2);
    ASSERT_TRUE(first.next_after);
    experts.page.after = first.next_after;
    auto second = services_->users.list(as(jimu), experts);
    ASSERT_EQ(second.items.size(), 1u);
    EXPECT_EQ(second.items[0].email, "expert2@demo.shido.jp");
    EXPECT_FALSE(second.next_after);
    services::UserFilter by_text;
    by_text.name_or_email_contains = "二郎";
    EXPECT_EQ(services_->users.list(as(jimu), by_text).items.at(0).email, "expert2@demo.shido.jp");
}

TEST_F(UserServiceTest, OthersMayNotListOrCreate) {
    for (const char* who : {"expert1", "owner1"}) {
        auto user = demo_user(who);
        EXPECT_EQ(code_of([&] { services_->users.list(as(user), {}); }), core::ErrorCode::forbidden)
            << who;
        EXPECT_EQ(
            code_of([&] { services_->users.invite(as(user), new_user("x@example.jp", "expert")); }),
            core::ErrorCode::forbidden)
            << who;
    }
}

TEST_F(UserServiceTest, InviteNormalisesTheEmailAndAuditsWithoutAPassword) {
    auto user = services_->users.invite(as(jimu), new_user("  New.User@Example.JP ", "expert"));
    EXPECT_EQ(user.email, "new.user@example.jp");
    EXPECT_EQ(user.role, core::Role::expert);
    EXPECT_EQ(core::status_of(user), core::UserStatus::invited);
    services::AuditFilter filter;
    filter.entity = "user";
    filter.entity_id = user.id;
    auto entries = services_->audit.list(as(jimu), filter).items;
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].action, "invite_account");
    EXPECT_EQ(entries[0].actor_id, jimu.id);
    auto after = nlohmann::json::parse(*entries[0].after_json);
    EXPECT_EQ(after["email"], "new.user@example.jp");
    EXPECT_EQ(after["status"], "invited");
    EXPECT_FALSE(after.contains("password_hash"));
    EXPECT_EQ(entries[0].after_json->find("argon2"), std::string::npos);
    EXPECT_EQ(code_of([&] {
                  services_->users.invite(as(jimu), new_user("new.user@example.jp", "expert"));
              }),
              core::ErrorCode::conflict);
}

TEST_F(UserServiceTest, InviteValidatesRoleAndCompany) {
    EXPECT_TRUE(fails_on(
        "role", [&] { services_->users.invite(as(jimu), new_user("a@example.jp", "admin")); }));
    EXPECT_TRUE(fails_on("company_id", [&] {
        services_->users.invite(as(jimu), new_user("b@example.jp", "company"));
    }));
    auto with_company = new_user("c@example.jp", "expert");
    with_company.company_id = *demo_user("owner1").company_id;
    EXPECT_TRUE(fails_on("company_id", [&] { services_->users.invite(as(jimu), with_company); }));
    auto member = new_user("d@example.jp", "company");
    member.company_id = *demo_user("owner1").company_id;
    member.company_role = "boss";
    EXPECT_TRUE(fails_on("company_role", [&] { services_->users.invite(as(jimu), member); }));
    member.company_role.reset();
    auto created = services_->users.invite(as(jimu), member);
    EXPECT_EQ(created.company_role, core::CompanyRole::manager);  // the default position
}

}  // namespace
}  // namespace shido::testing
