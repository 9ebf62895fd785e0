#include "core/companies/membership.hpp"

#include <gtest/gtest.h>

namespace shido::core {
namespace {

User member(Id id, CompanyRole role) {
    User u;
    u.id = id;
    u.role = Role::company;
    u.company_id = 7;
    u.company_role = role;
    return u;
}

Actor owner_actor(Id id) {
    return Actor{id, Role::company, 7, "経営者", CompanyRole::owner};
}

const Actor secretariat{1, Role::secretariat, {}, "事務局", {}};

TEST(MemberRemoval, AnOwnerRemovesManagersAndThemselvesWhileAnotherOwnerRemains) {
    EXPECT_FALSE(member_removal_problem(owner_actor(10), member(11, CompanyRole::manager), 1));
    EXPECT_FALSE(member_removal_problem(owner_actor(10), member(10, CompanyRole::owner), 2));
}

TEST(MemberRemoval, TheLastOwnerStaysWhoeverAsks) {
    EXPECT_TRUE(member_removal_problem(owner_actor(10), member(10, CompanyRole::owner), 1));
    EXPECT_TRUE(member_removal_problem(secretariat, member(10, CompanyRole::owner), 1));
}

TEST(MemberRemoval, AnotherOwnerIsTheSecretariatsToRemove) {
    EXPECT_TRUE(member_removal_problem(owner_actor(10), member(12, CompanyRole::owner), 2));
    EXPECT_FALSE(member_removal_problem(secretariat, member(12, CompanyRole::owner), 2));
}

TEST(MemberRemoval, ARemovedMemberIsNotRemovedTwice) {
    auto gone = member(11, CompanyRole::manager);
    gone.active = false;
    EXPECT_TRUE(member_removal_problem(owner_actor(10), gone, 1));
}

}  // namespace
}  // namespace shido::core
