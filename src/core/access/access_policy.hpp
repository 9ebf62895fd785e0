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
    manage_diagnosis,      // open rounds, invite respondents, see the analysis and exports
    record_findings,       // 課題整理: the expert's drill-down notes and priorities
    view_records,          // the working records: session records, drill-down notes
    write_records,         // record sessions, write and submit 実施報告
    work_tasks,            // tick off and add preparation tasks (each side its own)
    confirm_arrangements,  // 依頼・調整事項: participants, room, web meeting
    acknowledge_handling,  // the company's own acknowledgement of how its information is handled
    view_reports,          // 実施報告 as submitted, their states and history
    review_reports,        // accept or return a submitted report
    view_record_reads,     // who outside the company opened its records
    view_documents,        // working copies of the basic policy and the rules check (様式2)
    edit_documents,        // draft the basic policy, set the rules check
    approve_documents,     // the owner's approval of a version (basic policy, later the plan)
    submit_documents,      // hand a document to the secretariat
    view_submitted_documents,  // documents as submitted to the secretariat
    answer_survey,             // the owner's アンケート on the guidance, until it is submitted
    view_survey_results,       // submitted アンケート: the secretariat only, never the expert
    manage_members,            // invite and remove the company's managers (a company route)
};

inline constexpr EngagementAction all_engagement_actions[] = {
    EngagementAction::view,
    EngagementAction::edit_plan,
    EngagementAction::assign_expert,
    EngagementAction::view_audit,
    EngagementAction::manage_diagnosis,
    EngagementAction::record_findings,
    EngagementAction::view_records,
    EngagementAction::write_records,
    EngagementAction::work_tasks,
    EngagementAction::confirm_arrangements,
    EngagementAction::acknowledge_handling,
    EngagementAction::view_reports,
    EngagementAction::review_reports,
    EngagementAction::view_record_reads,
    EngagementAction::view_documents,
    EngagementAction::edit_documents,
    EngagementAction::approve_documents,
    EngagementAction::submit_documents,
    EngagementAction::view_submitted_documents,
    EngagementAction::answer_survey,
    EngagementAction::view_survey_results,
    EngagementAction::manage_members};

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
//  - the secretariat administers, plans, follows progress and reviews reports, but does not
//    read the working records (session records, drill-down notes): those belong to the expert
//    and the company, and reach the secretariat only inside a submitted report;
//  - the assigned expert views, plans, runs the self-assessment, records findings and
//    sessions, and writes the reports;
//  - company members view their own company's engagements, confirm the arrangements and tick
//    off the company's tasks; only the owner (経営者) also runs the self-assessment, sees its
//    analysis, reads the working records and reports and sees who opened them;
//  - the company's documents (basic policy, rules check) are drafted by the expert and the
//    company together; only the owner approves; only the expert submits them, and the
//    secretariat reads only what was submitted;
//  - the アンケート rates the expert's guidance: only the owner answers it and only the
//    secretariat reads it, so the company can be candid (the expert never sees the answers);
//  - the company's accounts: its owner (and the secretariat) invites and removes its managers.
bool may(Relation relation, EngagementAction action);
bool may(const Actor& actor, EngagementAction action, const EngagementScope& scope);

// Reads that open the company's records or what was submitted about it: each one by someone
// outside the company is logged for the owner to see. The label names what was opened.
std::optional<std::string_view> logged_read_label(EngagementAction action);
bool is_company_relation(Relation relation);

// Which engagements (and so which companies) an actor's lists may contain.
struct VisibleScope {
    enum class Kind { everything, assigned_to_expert, of_company, nothing };
    Kind kind = Kind::nothing;
    Id id = 0;  // the expert's user id or the company id
};
VisibleScope visible_scope(const Actor& actor);

bool is_secretariat(const Actor& actor);

}  // namespace shido::core
