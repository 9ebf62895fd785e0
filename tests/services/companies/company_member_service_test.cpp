#include "services/companies/company_member_service.hpp"

#include <gtest/gtest.h>

#include "services/demo/demo_data.hpp"
#include "storage/notifications/outbox_repository.hpp"
#include "support/domain_error.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using core::Anchor;
using core::EngagementAction;

class CompanyMemberTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        owner = demo_user("owner1");
        company = *owner.company_id;
    }
    services::EngagementGrant managing(const core::User& who) {
        return grant(as(who), Anchor::company, company, EngagementAction::manage_members);
    }
    services::CompanyMembers members_seen_by(const core::User& who) {
        return services_->members.list(
            as(who), grant(as(who), Anchor::company, company, EngagementAction::view));
    }
    core::User owner;
    core::Id company = 0;
};

TEST_F(CompanyMemberTest, TheOwnerInvitesAManagerWhoIsListedAsInvited) {
    auto invited =
        services_->members.invite(as(owner), managing(owner), {"Kanri@Example.JP", "管理 一郎"});
    EXPECT_EQ(invited.email, "kanri@example.jp");
    EXPECT_EQ(invited.company_role, core::CompanyRole::manager);
    EXPECT_EQ(invited.company_id, company);
    auto seen = members_seen_by(owner);
    EXPECT_TRUE(seen.can_manage);
    ASSERT_EQ(seen.members.size(), 2u);
    EXPECT_EQ(seen.members[0].id, owner.id);  // owners first
    EXPECT_EQ(core::status_of(seen.members[1]), core::UserStatus::invited);
    ASSERT_FALSE(seen.experts.empty());
    EXPECT_EQ(seen.experts[0].user_id, demo_user("expert1").id);
    // The invitation is a confidential mail; the expert sees the list but may not manage it.
    storage::Connection c(*db_);
    auto mails = storage::OutboxRepository(c).page({}).items;
    ASSERT_FALSE(mails.empty());
    EXPECT_EQ(mails[0].recipient_address, "kanri@example.jp");
    EXPECT_TRUE(mails[0].confidential);
    EXPECT_FALSE(members_seen_by(demo_user("expert1")).can_manage);
}

TEST_F(CompanyMemberTest, OnlyTheOwnerAndTheSecretariatManage) {
    auto manager = add_user("m@example.jp", "管理 次郎", core::Role::company, company, "manager");
    for (const char* who : {"expert1", "owner2"}) {
        EXPECT_EQ(code_of([&] { managing(demo_user(who)); }), core::ErrorCode::forbidden) << who;
    }
    EXPECT_EQ(code_of([&] { managing(manager); }), core::ErrorCode::forbidden);
    EXPECT_NO_THROW(managing(demo_user("jimu")));
}

TEST_F(CompanyMemberTest, ARemovedMemberLosesAccessAtOnceAndMayBeInvitedAgain) {
    auto manager =
        add_user("gone@example.jp", "退職 三郎", core::Role::company, company, "manager");
    auto session = services_->auth.start_session(manager, {"10.0.0.5", "test"});
    ASSERT_TRUE(services_->auth.authenticate(session.token));
    services_->members.remove(as(owner), managing(owner), manager.id);
    EXPECT_FALSE(services_->auth.authenticate(session.token));
    EXPECT_EQ(members_seen_by(owner).members.size(), 1u);
    EXPECT_EQ(code_of([&] { services_->members.remove(as(owner), managing(owner), manager.id); }),
              core::ErrorCode::conflict);
    auto again =
        services_->members.invite(as(owner), managing(owner), {"gone@example.jp", "復帰 三郎"});
    EXPECT_EQ(again.id, manager.id);
    EXPECT_EQ(core::status_of(again), core::UserStatus::invited);
    EXPECT_EQ(members_seen_by(owner).members.size(), 2u);
}

TEST_F(CompanyMemberTest, TheLastOwnerStaysAndOtherCompaniesMembersAreNotFound) {
    EXPECT_EQ(code_of([&] { services_->members.remove(as(owner), managing(owner), owner.id); }),
              core::ErrorCode::conflict);
    auto jimu = demo_user("jimu");
    EXPECT_EQ(code_of([&] { services_->members.remove(as(jimu), managing(jimu), owner.id); }),
              core::ErrorCode::conflict);
    auto other = demo_user("owner2");
    EXPECT_EQ(code_of([&] { services_->members.remove(as(owner), managing(owner), other.id); }),
              core::ErrorCode::not_found);
    EXPECT_TRUE(services_->auth.authenticate(
        services_->auth.login(owner.email, services::demo_password, "10.0.0.6").token));
}

TEST_F(CompanyMemberTest, AnAddressInUseElsewhereIsAConflict) {
    EXPECT_EQ(code_of([&] {
                  services_->members.invite(as(owner), managing(owner),
                                            {"expert1@demo.shido.jp", "重複"});
              }),
              core::ErrorCode::conflict);
    EXPECT_TRUE(fails_on("email", [&] {
        services_->members.invite(as(owner), managing(owner), {"not-an-address", "形式"});
    }));
}

}  // namespace
}  // namespace shido::testing
