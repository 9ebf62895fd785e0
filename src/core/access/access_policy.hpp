#pragma once
#include <optional>
#include <string>
#include <string_view>

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

inline constexpr EngagementAction all_engagement_actions[] = {EngagementAction::view,
                                                              EngagementAction::edit_plan,
                                                              EngagementAction::assign_expert,
                                                              EngagementAction::view_audit,
                                                              EngagementAction::manage_diagnosis,
                                                              EngagementAction::record_findings};

std::string_view to_string(EngagementAction action);

// How an actor stands to one engagement: the only facts the policy looks at.
enum class Relation {
    secretariat,
    assigned_expert,
    other_expert,
    owner,          // 経営者 of the engagement's company
    manager,        // another member of that company
    other_company,  // a member of another company (or of none)
};

inline constexpr Relation all_relations[] = {Relation::secretariat,  Relation::assigned_expert,
                                             Relation::other_expert, Relation::owner,
                                             Relation::manager,      Relation::other_company};

std::string_view to_string(Relation relation);
Relation relation_of(const Actor& actor, const EngagementScope& scope);

// The single access rule of the product, as a table (relation × action), in access_policy.cpp:
//  - the secretariat may do everything;
//  - the assigned expert views, plans, runs the self-assessment and records findings;
//  - company members view their own company's engagements; only the owner (経営者) also runs
//    the self-assessment and sees its analysis (staff answers stay with the owner and expert).
bool may(Relation relation, EngagementAction action);
bool may(const Actor& actor, EngagementAction action, const EngagementScope& scope);

// Which engagements (and so which companies) an actor's lists may contain.
struct VisibleScope {
    enum class Kind { everything, assigned_to_expert, of_company, nothing };
    Kind kind = Kind::nothing;
    Id id = 0;  // the expert's user id or the company id
};
VisibleScope visible_scope(const Actor& actor);

bool is_secretariat(const Actor& actor);

}  // namespace shido::core
