#include "core/access/access_policy.hpp"

#include <array>
#include <cstddef>

namespace shido::core {

namespace {

constexpr std::size_t action_count = std::size(all_engagement_actions);
constexpr std::size_t relation_count = std::size(all_relations);

// Rows follow all_relations, columns all_engagement_actions:
constexpr bool T = true, F = false;
// view plan assign audit diagnosis findings records write tasks confirm acknowledge reports
// review reads | documents: view edit approve submit submitted | survey: answer results |
// members
constexpr std::array<std::array<bool, action_count>, relation_count> policy_table{{
    /* secretariat     */ {T, T, T, T, T, F, F, F, F, F, F, T, T, F, F, F, F, F, T, F, T, T},
    /* assigned_expert */ {T, T, F, F, T, T, T, T, T, T, F, T, F, F, T, T, F, T, T, F, F, F},
    /* other_expert    */ {F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F},
    /* owner           */ {T, F, F, F, T, F, T, F, T, T, T, T, F, T, T, T, T, F, T, T, F, T},
    /* manager         */ {T, F, F, F, F, F, F, F, T, T, T, F, F, F, T, T, F, F, F, F, F, F},
    /* other_company   */ {F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F},
}};

template <typename Enum, std::size_t N>
constexpr std::size_t index_in(const Enum (&all)[N], Enum value) {
    for (std::size_t i = 0; i < N; ++i)
        if (all[i] == value) return i;
    return N;
}

}  // namespace

std::string_view to_string(EngagementAction action) {
    switch (action) {
        case EngagementAction::view:
            return "view";
        case EngagementAction::edit_plan:
            return "edit_plan";
        case EngagementAction::assign_expert:
            return "assign_expert";
        case EngagementAction::view_audit:
            return "view_audit";
        case EngagementAction::manage_diagnosis:
            return "manage_diagnosis";
        case EngagementAction::record_findings:
            return "record_findings";
        case EngagementAction::view_records:
            return "view_records";
        case EngagementAction::write_records:
            return "write_records";
        case EngagementAction::work_tasks:
            return "work_tasks";
        case EngagementAction::confirm_arrangements:
            return "confirm_arrangements";
        case EngagementAction::acknowledge_handling:
            return "acknowledge_handling";
        case EngagementAction::view_reports:
            return "view_reports";
        case EngagementAction::review_reports:
            return "review_reports";
        case EngagementAction::view_record_reads:
            return "view_record_reads";
        case EngagementAction::view_documents:
            return "view_documents";
        case EngagementAction::edit_documents:
            return "edit_documents";
        case EngagementAction::approve_documents:
            return "approve_documents";
        case EngagementAction::submit_documents:
            return "submit_documents";
        case EngagementAction::view_submitted_documents:
            return "view_submitted_documents";
        case EngagementAction::answer_survey:
            return "answer_survey";
        case EngagementAction::view_survey_results:
            return "view_survey_results";
        case EngagementAction::manage_members:
            return "manage_members";
    }
    return "view";
}

std::string_view to_string(Relation relation) {
    switch (relation) {
        case Relation::secretariat:
            return "secretariat";
        case Relation::assigned_expert:
            return "assigned_expert";
        case Relation::other_expert:
            return "other_expert";
        case Relation::owner:
            return "owner";
        case Relation::manager:
            return "manager";
        case Relation::other_company:
            return "other_company";
    }
    return "other_company";
}

Relation relation_of(const Actor& actor, const EngagementScope& scope) {
    switch (actor.role) {
        case Role::secretariat:
            return Relation::secretariat;
        case Role::expert:
            return scope.expert_id && *scope.expert_id == actor.user_id ? Relation::assigned_expert
                                                                        : Relation::other_expert;
        case Role::company:
            if (!actor.company_id || *actor.company_id != scope.company_id)
                return Relation::other_company;
            return actor.company_role == CompanyRole::owner ? Relation::owner : Relation::manager;
    }
    return Relation::other_company;
}

bool may(Relation relation, EngagementAction action) {
    auto r = index_in(all_relations, relation);
    auto a = index_in(all_engagement_actions, action);
    return r < relation_count && a < action_count && policy_table[r][a];
}

bool may(const Actor& actor, EngagementAction action, const EngagementScope& scope) {
    return may(relation_of(actor, scope), action);
}

std::optional<std::string_view> logged_read_label(EngagementAction action) {
    switch (action) {
        case EngagementAction::view_records:
            return "指導の記録";
        case EngagementAction::view_reports:
            return "実施報告";
        case EngagementAction::manage_diagnosis:
            return "自社診断";
        case EngagementAction::view_submitted_documents:
            return "提出された成果物";
        case EngagementAction::view_survey_results:
            return "アンケート";
        default:
            return std::nullopt;
    }
}

bool is_company_relation(Relation relation) {
    return relation == Relation::owner || relation == Relation::manager;
}

VisibleScope visible_scope(const Actor& actor) {
    switch (actor.role) {
        case Role::secretariat:
            return {VisibleScope::Kind::everything, 0};
        case Role::expert:
            return {VisibleScope::Kind::assigned_to_expert, actor.user_id};
        case Role::company:
            if (actor.company_id) return {VisibleScope::Kind::of_company, *actor.company_id};
            return {VisibleScope::Kind::nothing, 0};
    }
    return {};
}

bool is_secretariat(const Actor& actor) {
    return actor.role == Role::secretariat;
}

}  // namespace shido::core
