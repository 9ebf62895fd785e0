#include "core/access/access_policy.hpp"

namespace shido::core {

namespace {

bool is_assigned_expert(const Actor& actor, const EngagementScope& scope) {
    return actor.role == Role::expert && scope.expert_id && *scope.expert_id == actor.user_id;
}

bool is_member_of_company(const Actor& actor, const EngagementScope& scope) {
    return actor.role == Role::company && actor.company_id && *actor.company_id == scope.company_id;
}

}  // namespace

bool is_secretariat(const Actor& actor) {
    return actor.role == Role::secretariat;
}

bool may(const Actor& actor, EngagementAction action, const EngagementScope& scope) {
    if (is_secretariat(actor)) return true;
    switch (action) {
        case EngagementAction::view:
            return is_assigned_expert(actor, scope) || is_member_of_company(actor, scope);
        case EngagementAction::edit_plan:
        case EngagementAction::record_findings:
            return is_assigned_expert(actor, scope);
        case EngagementAction::manage_diagnosis:
            return is_assigned_expert(actor, scope) ||
                   (is_member_of_company(actor, scope) && actor.company_role == CompanyRole::owner);
        case EngagementAction::assign_expert:
        case EngagementAction::view_audit:
            return false;
    }
    return false;
}

bool may_view_company(const Actor& actor, Id company_id, bool actor_is_assigned_expert) {
    if (is_secretariat(actor)) return true;
    if (actor.role == Role::expert) return actor_is_assigned_expert;
    return actor.company_id && *actor.company_id == company_id;
}

}  // namespace shido::core
