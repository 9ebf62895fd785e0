#pragma once
#include <optional>

#include "core/accounts/user.hpp"

namespace shido::core {

// Who is acting: the part of a logged-in user that access decisions need.
struct Actor {
    Id user_id = 0;
    Role role = Role::company;
    std::optional<Id> company_id;
    std::string name;
    std::optional<CompanyRole> company_role;
};

// What an access decision needs to know about an engagement.
struct EngagementScope {
    Id company_id = 0;
    std::optional<Id> expert_id;
};

enum class EngagementAction {
    view,
    edit_plan,      // status and planned session dates
    assign_expert,  // and every other administrative field
    view_audit,
    manage_diagnosis,  // open rounds, invite respondents, see the analysis and exports
    record_findings,   // 課題整理: the expert's drill-down notes and priorities
};

// The single access rule of the product. Every handler that touches an engagement asks it.
//  - the secretariat may do everything;
//  - an expert may view and edit the plan of the engagements assigned to them;
//  - a company member may view their own company's engagements;
//  - the company's owner (経営者) may also run the self-assessment and see its analysis,
//    other company members may not (staff answers stay with the owner and the expert).
bool may(const Actor& actor, EngagementAction action, const EngagementScope& scope);

bool may_view_company(const Actor& actor, Id company_id, bool actor_is_assigned_expert);

bool is_secretariat(const Actor& actor);

}  // namespace shido::core
