// SECURITY ACTION readiness: ★★'s conditions in the content's order, the next step is the
// first one not done, and only all of them make the company ready to declare.
#include <gtest/gtest.h>

#include "core/security_action/readiness.hpp"

namespace shido::core::security_action {
namespace {

SecurityActionSpec security_action_spec() {
    SecurityActionSpec spec;
    spec.two_star_next_step = "宣言する";
    spec.conditions = {{ConditionKind::self_assessment, "自社診断", "済", "診断する"},
                       {ConditionKind::policy_approved, "基本方針", "済", "承認する"},
                       {ConditionKind::policy_published, "公開", "済", "公開する"}};
    return spec;
}

TEST(SecurityActionReadiness, NothingDoneStartsWithTheSelfAssessment) {
    auto spec = security_action_spec();
    auto r = readiness(spec, {});
    EXPECT_FALSE(r.two_star_ready);
    EXPECT_EQ(r.next_step, "診断する");
    ASSERT_EQ(r.conditions.size(), 3u);
    for (const auto& c : r.conditions) EXPECT_FALSE(c.done);
}

TEST(SecurityActionReadiness, TheNextStepIsTheFirstConditionNotDone) {
    auto spec = security_action_spec();
    auto r = readiness(spec, {true, false, true});
    EXPECT_FALSE(r.two_star_ready);
    EXPECT_EQ(r.next_step, "承認する");
    EXPECT_TRUE(r.conditions[0].done);
    EXPECT_FALSE(r.conditions[1].done);
    EXPECT_TRUE(r.conditions[2].done);
    EXPECT_EQ(readiness(spec, {true, true, false}).next_step, "公開する");
}

TEST(SecurityActionReadiness, EveryConditionMetMeansDeclare) {
    auto spec = security_action_spec();
    auto r = readiness(spec, {true, true, true});
    EXPECT_TRUE(r.two_star_ready);
    EXPECT_EQ(r.next_step, "宣言する");
    EXPECT_EQ(r.conditions[2].spec->label, "公開");
}

}  // namespace
}  // namespace shido::core::security_action
