#include "core/audit/audit_event.hpp"

#include <set>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "support/japanese_text.hpp"

namespace shido::core {
namespace {

// Every value with the key it is stored under: keys are in the database and the API, so they
// never change once shipped.
const std::vector<std::pair<AuditAction, std::string>> actions = {
    {AuditAction::create, "create"},
    {AuditAction::update, "update"},
    {AuditAction::change_password, "change_password"},
    {AuditAction::invite_account, "invite_account"},
    {AuditAction::resend_account_invitation, "resend_account_invitation"},
    {AuditAction::accept_invitation, "accept_invitation"},
    {AuditAction::request_password_reset, "request_password_reset"},
    {AuditAction::reset_password, "reset_password"},
    {AuditAction::remove_member, "remove_member"},
    {AuditAction::login_failed, "login_failed"},
    {AuditAction::enable_two_factor, "enable_two_factor"},
    {AuditAction::disable_two_factor, "disable_two_factor"},
    {AuditAction::reset_two_factor, "reset_two_factor"},
    {AuditAction::renew_recovery_codes, "renew_recovery_codes"},
    {AuditAction::use_recovery_code, "use_recovery_code"},
    {AuditAction::sign_out_session, "sign_out_session"},
    {AuditAction::sign_out_other_sessions, "sign_out_other_sessions"},
    {AuditAction::invite, "invite"},
    {AuditAction::revoke, "revoke"},
    {AuditAction::reissue_link, "reissue_link"},
    {AuditAction::enter_paper, "enter_paper"},
    {AuditAction::import_csv, "import_csv"},
    {AuditAction::submit, "submit"},
    {AuditAction::complete_task, "complete_task"},
    {AuditAction::reopen_task, "reopen_task"},
    {AuditAction::confirm_arrangements, "confirm_arrangements"},
    {AuditAction::acknowledge_information_handling, "acknowledge_information_handling"},
    {AuditAction::hold_session, "hold_session"},
    {AuditAction::move_session, "move_session"},
    {AuditAction::submit_report, "submit_report"},
    {AuditAction::return_report, "return_report"},
    {AuditAction::accept_report, "accept_report"},
    {AuditAction::issue_calendar_feed, "issue_calendar_feed"},
    {AuditAction::revoke_calendar_feed, "revoke_calendar_feed"},
    {AuditAction::requeue, "requeue"},
    {AuditAction::resolve_hearing_item, "resolve_hearing_item"},
    {AuditAction::delete_hearing_item, "delete_hearing_item"},
    {AuditAction::submit_hearing_sheet, "submit_hearing_sheet"},
    {AuditAction::import_rules_check, "import_rules_check"},
    {AuditAction::submit_rules_check, "submit_rules_check"},
    {AuditAction::approve_policy, "approve_policy"},
    {AuditAction::submit_policy, "submit_policy"},
    {AuditAction::publish_policy, "publish_policy"},
    {AuditAction::unpublish_policy, "unpublish_policy"},
    {AuditAction::build_action_plan, "build_action_plan"},
    {AuditAction::approve_action_plan, "approve_action_plan"},
    {AuditAction::submit_action_plan, "submit_action_plan"},
    {AuditAction::submit_survey, "submit_survey"},
    {AuditAction::refresh_final_report, "refresh_final_report"},
    {AuditAction::submit_final_report, "submit_final_report"},
    {AuditAction::return_final_report, "return_final_report"},
    {AuditAction::accept_final_report, "accept_final_report"},
};

const std::vector<std::pair<AuditEntity, std::string>> entities = {
    {AuditEntity::user, "user"},
    {AuditEntity::company, "company"},
    {AuditEntity::engagement, "engagement"},
    {AuditEntity::diagnosis_round, "diagnosis_round"},
    {AuditEntity::respondent, "respondent"},
    {AuditEntity::diagnosis_finding, "diagnosis_finding"},
    {AuditEntity::task, "task"},
    {AuditEntity::confirmations, "confirmations"},
    {AuditEntity::session_record, "session_record"},
    {AuditEntity::session_report, "session_report"},
    {AuditEntity::calendar_feed, "calendar_feed"},
    {AuditEntity::outbox_message, "outbox_message"},
    {AuditEntity::hearing_item, "hearing_item"},
    {AuditEntity::hearing_sheet, "hearing_sheet"},
    {AuditEntity::rules_check, "rules_check"},
    {AuditEntity::policy_version, "policy_version"},
    {AuditEntity::action_plan, "action_plan"},
    {AuditEntity::survey_response, "survey_response"},
    {AuditEntity::final_report, "final_report"},
};

template <typename Enum>
void expect_table_is_complete(std::span<const Labelled<Enum>> table,
                              const std::vector<std::pair<Enum, std::string>>& expected) {
    ASSERT_EQ(table.size(), expected.size());
    std::set<std::string_view> keys, labels;
    for (const auto& [value, key] : expected) {
        EXPECT_EQ(key_in(table, value), key);
        auto label = label_in(table, value);
        EXPECT_FALSE(label.empty()) << key;
        EXPECT_TRUE(testing::has_japanese(label)) << key << ": " << label;
        keys.insert(key_in(table, value));
        labels.insert(label);
    }
    EXPECT_EQ(keys.size(), expected.size()) << "keys must be distinct";
    EXPECT_EQ(labels.size(), expected.size()) << "labels must be distinct";
}

TEST(AuditEvent, EveryActionHasItsKeyAndAJapaneseLabel) {
    expect_table_is_complete(audit_actions(), actions);
    for (const auto& [action, key] : actions) EXPECT_EQ(to_string(action), key);
}

TEST(AuditEvent, EveryEntityHasItsKeyAndAJapaneseLabel) {
    expect_table_is_complete(audit_entities(), entities);
    for (const auto& [entity, key] : entities) EXPECT_EQ(to_string(entity), key);
}

TEST(AuditEvent, ParseRoundTrips) {
    for (const auto& [action, key] : actions) {
        EXPECT_EQ(parse_audit_action(to_string(action)), action) << key;
        EXPECT_FALSE(parse_audit_entity(key)) << key << " is no entity";
    }
    for (const auto& [entity, key] : entities) {
        EXPECT_EQ(parse_audit_entity(to_string(entity)), entity) << key;
        EXPECT_FALSE(parse_audit_action(key)) << key << " is no action";
    }
}

TEST(AuditEvent, OnlyExactKeysParse) {
    for (std::string text :
         {"", "Create", "CREATE", " create", "create ", "作成", "login", "delete"})
        EXPECT_FALSE(parse_audit_action(text)) << text;
    for (std::string text : {"", "User", "users", "指導案件", "round", "finding"})
        EXPECT_FALSE(parse_audit_entity(text)) << text;
}

}  // namespace
}  // namespace shido::core
