#pragma once
#include <optional>
#include <span>
#include <string_view>

#include "core/labelled.hpp"

namespace shido::core {

// What the audit log records. A new use case that changes data adds its action (and entity)
// here, with the label the secretariat reads in the log.
enum class AuditAction {
    create,
    update,
    change_password,
    login_failed,
    invite_account,
    resend_account_invitation,
    accept_invitation,
    request_password_reset,
    reset_password,
    remove_member,
    enable_two_factor,     // the first code confirmed the second factor
    disable_two_factor,    // a company member turned it off
    reset_two_factor,      // the secretariat removed a person's second factor
    renew_recovery_codes,  // ten new recovery codes, the old ones void
    use_recovery_code,     // a sign-in's second step took a recovery code
    sign_out_session,      // a person ended one of their sessions
    sign_out_other_sessions,
    invite,
    revoke,
    reissue_link,
    enter_paper,
    import_csv,
    submit,
    complete_task,
    reopen_task,
    confirm_arrangements,
    acknowledge_information_handling,
    hold_session,
    move_session,
    submit_report,
    return_report,
    accept_report,
    issue_calendar_feed,  // a subscription URL created or replaced
    revoke_calendar_feed,
    requeue,
    resolve_hearing_item,  // an unclear answer checked again (様式1)
    delete_hearing_item,   // an item the expert had added
    submit_hearing_sheet,
    import_rules_check,  // 様式2 read back from an edited .xlsx
    submit_rules_check,
    approve_policy,  // the owner approved a version of the basic policy
    submit_policy,   // the expert handed the approved basic policy to the secretariat
    publish_policy,  // the public page of the approved policy switched on
    unpublish_policy,
    build_action_plan,    // rows added from the key findings and the 様式2 categories
    approve_action_plan,  // the owner approved a version of 様式3
    submit_action_plan,
    submit_survey,         // the owner handed the アンケート to the secretariat
    refresh_final_report,  // 最終報告書: the generated sections written anew from the facts
    submit_final_report,
    return_final_report,
    accept_final_report,
};

enum class AuditEntity {
    user,
    company,
    engagement,
    diagnosis_round,
    respondent,
    diagnosis_finding,
    task,
    confirmations,
    session_record,
    session_report,
    calendar_feed,
    outbox_message,
    hearing_item,
    hearing_sheet,
    rules_check,
    policy_version,
    action_plan,
    survey_response,
    final_report,
};

std::span<const Labelled<AuditAction>> audit_actions();
std::span<const Labelled<AuditEntity>> audit_entities();

std::string_view to_string(AuditAction action);
std::string_view to_string(AuditEntity entity);
std::optional<AuditAction> parse_audit_action(std::string_view key);
std::optional<AuditEntity> parse_audit_entity(std::string_view key);

}  // namespace shido::core
