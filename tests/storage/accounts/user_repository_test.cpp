#include "storage/accounts/user_repository.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "support/domain_error.hpp"
#include "support/page_walk.hpp"
#include "support/seed.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using core::Role;
using UserRepositoryTest = DatabaseTest;

TEST_F(UserRepositoryTest, EmailIsUnique) {
    storage::Connection c(*db_);
    insert_user(c, "dup@example.jp", "重複", Role::expert, now_);
    EXPECT_TRUE(storage::UserRepository(c).email_taken("dup@example.jp"));
    EXPECT_FALSE(storage::UserRepository(c).email_taken("other@example.jp"));
    EXPECT_TRUE(violates_constraint(
        [&] { insert_user(c, "dup@example.jp", "二人目", Role::secretariat, now_); }));
}

TEST_F(UserRepositoryTest, CompanyUserNeedsCompanyAndOnlyThey) {
    storage::Connection c(*db_);
    EXPECT_TRUE(violates_constraint(
        [&] { insert_user(c, "nocompany@example.jp", "所属なし", Role::company, now_); }));
    auto company = insert_company(c, "所属株式会社", now_);
    EXPECT_TRUE(violates_constraint(
        [&] { insert_user(c, "expert@example.jp", "専門家", Role::expert, now_, company); }));
}

TEST_F(UserRepositoryTest, FindsByIdAndEmailAndKeepsTheHashApart) {
    storage::Connection c(*db_);
    storage::UserRepository users(c);
    auto company = insert_company(c, "所属株式会社", now_);
    auto id = insert_user(c, "owner@example.jp", "社長", Role::company, now_, company,
                          core::CompanyRole::owner);
    auto user = users.find(id);
    ASSERT_TRUE(user);
    EXPECT_EQ(user->email, "owner@example.jp");
    EXPECT_EQ(user->role, Role::company);
    EXPECT_EQ(user->company_id, company);
    EXPECT_EQ(user->company_role, core::CompanyRole::owner);
    EXPECT_TRUE(user->active);
    auto by_email = users.find_by_email("owner@example.jp");
    ASSERT_TRUE(by_email);
    EXPECT_EQ(by_email->user.id, id);
    EXPECT_EQ(by_email->password_hash, "not-a-real-hash");
    users.set_password_hash(id, "new-hash", now_ + 9);
    EXPECT_EQ(users.password_hash(id), "new-hash");
    EXPECT_EQ(users.find(id)->updated_at, now_ + 9);
    EXPECT_FALSE(users.find(id + 1000));
    EXPECT_FALSE(users.find_by_email("OWNER@example.jp"));  // stored normalised, matched exactly
}

struct SeededUser {
    core::Id id;
    std::string email, name;
    Role role;
};

// Users of every role, with shared names (the id breaks the tie) and LIKE's metacharacters
// in names and e-mail addresses.
class UserPages : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        storage::Connection c(*db_);
        auto company = insert_company(c, "所属株式会社", now_);
        auto add = [&](const std::string& email, const std::string& name, Role role) {
            std::optional<core::Id> company_id;
            std::optional<core::CompanyRole> company_role;
            if (role == Role::company) {
                company_id = company;
                company_role = core::CompanyRole::manager;
            }
            seeded.push_back({insert_user(c, email, name, role, now_, company_id, company_role),
                              email, name, role});
        };
        add("e1@example.jp", "専門家 一郎", Role::expert);
        add("s1@example.jp", "事務局 花子", Role::secretariat);
        add("c1@example.jp", "担当 一", Role::company);
        add("e2@example.jp", "専門家 一郎", Role::expert);
        add("s_2@example.jp", "事務局 花子", Role::secretariat);
        add("e3@example.jp", "100%専門家", Role::expert);
        add("c2@example.jp", "back\\slash", Role::company);
        add("e4@example.jp", "Zeta", Role::expert);
        add("c3@sample.jp", "担当 一", Role::company);
    }

    std::vector<long long> expected(const storage::UserQuery& q) const {
        std::vector<SeededUser> rows;
        for (const auto& u : seeded) {
            if (q.role && u.role != *q.role) continue;
            const auto& text = q.name_or_email_contains;
            if (u.name.find(text) == std::string::npos && u.email.find(text) == std::string::npos)
                continue;
            rows.push_back(u);
        }
        std::sort(rows.begin(), rows.end(), [](const SeededUser& a, const SeededUser& b) {
            return std::make_tuple(core::to_string(a.role), a.name, a.id) <
                   std::make_tuple(core::to_string(b.role), b.name, b.id);
        });
        std::vector<long long> ids;
        for (const auto& u : rows) ids.push_back(u.id);
        return ids;
    }

    void expect_walk(storage::UserQuery q, const std::string& what) {
        storage::Connection c(*db_);
        storage::UserRepository repo(c);
        expect_pages(
            [&](const core::PageRequest& page) {
                auto paged = q;
                paged.page = page;
                return repo.page(paged);
            },
            expected(q), what);
    }

    std::vector<SeededUser> seeded;
};

TEST_F(UserPages, EveryoneByRoleThenName) {
    expect_walk({}, "everyone");
    ASSERT_EQ(expected({}).size(), seeded.size());
}

TEST_F(UserPages, RoleFilter) {
    for (auto role : core::all_roles) {
        storage::UserQuery q;
        q.role = role;
        expect_walk(q, "role " + std::string(core::to_string(role)));
    }
}

TEST_F(UserPages, NameOrEmailFilter) {
    for (const char* text :
         {"%", "_", "\\", "example", "sample", "専門家", "花子", "e1@", "存在しない"}) {
        storage::UserQuery q;
        q.name_or_email_contains = text;
        expect_walk(q, std::string("contains ") + text);
        q.role = Role::expert;
        expect_walk(q, std::string("expert, contains ") + text);
    }
    storage::UserQuery underscore;
    underscore.name_or_email_contains = "_";
    EXPECT_EQ(expected(underscore).size(), 1u);  // s_2@…, not every address
}

TEST_F(UserPages, BadCursorIsAValidationError) {
    storage::Connection c(*db_);
    storage::UserRepository repo(c);
    for (std::string after : {core::encode_cursor({"expert", "42"}),
                              core::encode_cursor({"expert", "名前", "x"}), std::string("@@")}) {
        storage::UserQuery q;
        q.page.after = after;
        EXPECT_TRUE(fails_on("after", [&] { repo.page(q); })) << after;
    }
}

}  // namespace
}  // namespace shido::testing
