#include "core/security_action/readiness.hpp"

namespace shido::core::security_action {

namespace {

bool security_action_met(ConditionKind kind, const ReadinessFacts& facts) {
    switch (kind) {
        case ConditionKind::self_assessment:
            return facts.self_assessment_finished;
        case ConditionKind::policy_approved:
            return facts.policy_approved;
        case ConditionKind::policy_published:
            return facts.policy_published;
    }
    return false;
}

}  // namespace

Readiness readiness(const SecurityActionSpec& spec, const ReadinessFacts& facts) {
    Readiness out;
    out.two_star_ready = true;
    for (const auto& condition : spec.conditions) {
        bool done = security_action_met(condition.kind, facts);
        out.conditions.push_back({&condition, done});
        if (!done && out.two_star_ready) {
            out.two_star_ready = false;
            out.next_step = condition.next_step;
        }
    }
    if (out.two_star_ready) out.next_step = spec.two_star_next_step;
    return out;
}

}  // namespace shido::core::security_action
