#include "core/access/access_policy.hpp"

#include <gtest/gtest.h>

namespace shido::core {
namespace {

const EngagementScope engagement{/*company_id=*/10, /*expert_id=*/7};
const Actor secretariat{1, Role::secretariat, {}, "事務局", {}};
const Actor assigned_expert{7, Role::expert, {}, "担当", {}};
const Actor other_expert{8, Role::expert, {}, "他の専門家", {}};
const Actor own_company{20, Role::company, 10, "社長", {}};
const Actor other_company{21, Role::company, 11, "他社", {}};

constexpr EngagementAction every_action[] = {EngagementAction::view, EngagementAction::edit_plan,
                                             EngagementAction::assign_expert,
                                             EngagementAction::view_audit};

TEST(AccessPolicy, SecretariatMayDoEverything) {
    for (auto action : every_action) EXPECT_TRUE(may(secretariat, action, engagement));
}

TEST(AccessPolicy, AssignedExpertViewsAndPlansButDoesNotAdminister) {
    EXPECT_TRUE(may(assigned_expert, EngagementAction::view, engagement));
    EXPECT_TRUE(may(assigned_expert, EngagementAction::edit_plan, engagement));
    EXPECT_FALSE(may(assigned_expert, EngagementAction::assign_expert, engagement));
    EXPECT_FALSE(may(assigned_expert, EngagementAction::view_audit, engagement));
}

TEST(AccessPolicy, OtherExpertSeesNothing) {
    for (auto action : every_action) EXPECT_FALSE(may(other_expert, action, engagement));
}

TEST(AccessPolicy, ExpertOfUnassignedEngagementSeesNothing) {
    EngagementScope unassigned{10, std::nullopt};
    EXPECT_FALSE(may(assigned_expert, EngagementAction::view, unassigned));
}

TEST(AccessPolicy, CompanyMemberOnlyViewsOwnCompany) {
    EXPECT_TRUE(may(own_company, EngagementAction::view, engagement));
    EXPECT_FALSE(may(own_company, EngagementAction::edit_plan, engagement));
    EXPECT_FALSE(may(own_company, EngagementAction::assign_expert, engagement));
    for (auto action : every_action) EXPECT_FALSE(may(other_company, action, engagement));
}

TEST(AccessPolicy, CompanyMemberWithoutCompanySeesNothing) {
    Actor orphan{22, Role::company, std::nullopt, "無所属", {}};
    EXPECT_FALSE(may(orphan, EngagementAction::view, engagement));
}

TEST(AccessPolicy, CompanyVisibility) {
    EXPECT_TRUE(may_view_company(secretariat, 10, false));
    EXPECT_TRUE(may_view_company(assigned_expert, 10, true));
    EXPECT_FALSE(may_view_company(other_expert, 10, false));
    EXPECT_TRUE(may_view_company(own_company, 10, false));
    EXPECT_FALSE(may_view_company(other_company, 10, false));
}

}  // namespace
}  // namespace shido::core
