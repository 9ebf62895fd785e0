#include "core/audit/audit_event.hpp"

namespace shido::core {

namespace {

constexpr Labelled<AuditAction> action_table[] = {
    {AuditAction::create, "create", "作成"},
    {AuditAction::update, "update", "更新"},
    {AuditAction::change_password, "change_password", "パスワード変更"},
    {AuditAction::login_failed, "login_failed", "ログイン失敗"},
    {AuditAction::invite_account, "invite_account", "アカウントへの招待"},
    {AuditAction::resend_account_invitation, "resend_account_invitation", "招待メールの再送"},
    {AuditAction::accept_invitation, "accept_invitation", "招待の受諾（パスワード設定）"},
    {AuditAction::request_password_reset, "request_password_reset", "パスワード再設定の依頼"},
    {AuditAction::reset_password, "reset_password", "パスワードの再設定"},
    {AuditAction::remove_member, "remove_member", "メンバーの削除"},
    {AuditAction::enable_two_factor, "enable_two_factor", "二要素認証の登録"},
    {AuditAction::disable_two_factor, "disable_two_factor", "二要素認証の解除"},
    {AuditAction::reset_two_factor, "reset_two_factor", "二要素認証のリセット"},
    {AuditAction::renew_recovery_codes, "renew_recovery_codes", "回復コードの再発行"},
    {AuditAction::use_recovery_code, "use_recovery_code", "回復コードでのログイン"},
    {AuditAction::sign_out_session, "sign_out_session", "端末のログアウト"},
    {AuditAction::sign_out_other_sessions, "sign_out_other_sessions", "他の端末のログアウト"},
    {AuditAction::invite, "invite", "回答用リンクの発行"},
    {AuditAction::revoke, "revoke", "回答用リンクの取り消し"},
    {AuditAction::reissue_link, "reissue_link", "回答用リンクの再発行"},
    {AuditAction::enter_paper, "enter_paper", "紙の回答の入力"},
    {AuditAction::import_csv, "import_csv", "CSVの取り込み"},
    {AuditAction::submit, "submit", "回答の提出"},
    {AuditAction::complete_task, "complete_task", "タスクの完了"},
    {AuditAction::reopen_task, "reopen_task", "タスクの再開"},
    {AuditAction::confirm_arrangements, "confirm_arrangements", "依頼・調整事項の確認"},
    {AuditAction::acknowledge_information_handling, "acknowledge_information_handling",
     "情報の取り扱いの了承"},
    {AuditAction::hold_session, "hold_session", "指導の実施"},
    {AuditAction::move_session, "move_session", "指導日の変更"},
    {AuditAction::submit_report, "submit_report", "実施報告の提出"},
    {AuditAction::return_report, "return_report", "実施報告の差戻し"},
    {AuditAction::accept_report, "accept_report", "実施報告の受理"},
    {AuditAction::issue_calendar_feed, "issue_calendar_feed", "カレンダー購読URLの発行"},
    {AuditAction::revoke_calendar_feed, "revoke_calendar_feed", "カレンダー購読URLの停止"},
    {AuditAction::requeue, "requeue", "メールの再送"},
    {AuditAction::resolve_hearing_item, "resolve_hearing_item", "不明瞭な回答の確認"},
    {AuditAction::delete_hearing_item, "delete_hearing_item", "追加したヒアリング項目の削除"},
    {AuditAction::submit_hearing_sheet, "submit_hearing_sheet", "ヒアリングシートの提出"},
    {AuditAction::import_rules_check, "import_rules_check", "関連規程類の点検結果の取り込み"},
    {AuditAction::submit_rules_check, "submit_rules_check", "関連規程類の点検結果の提出"},
    {AuditAction::approve_policy, "approve_policy", "基本方針の承認"},
    {AuditAction::submit_policy, "submit_policy", "基本方針の提出"},
    {AuditAction::publish_policy, "publish_policy", "基本方針の公開"},
    {AuditAction::unpublish_policy, "unpublish_policy", "基本方針の公開停止"},
    {AuditAction::build_action_plan, "build_action_plan",
     "対策実行計画書の作成（診断結果と点検結果から）"},
    {AuditAction::approve_action_plan, "approve_action_plan", "対策実行計画書の承認"},
    {AuditAction::submit_action_plan, "submit_action_plan", "対策実行計画書の提出"},
    {AuditAction::submit_survey, "submit_survey", "アンケートの提出"},
    {AuditAction::refresh_final_report, "refresh_final_report", "最終報告書の下書きの再作成"},
    {AuditAction::submit_final_report, "submit_final_report", "最終報告書の提出"},
    {AuditAction::return_final_report, "return_final_report", "最終報告書の差戻し"},
    {AuditAction::accept_final_report, "accept_final_report", "最終報告書の受理"},
};

constexpr Labelled<AuditEntity> entity_table[] = {
    {AuditEntity::user, "user", "ユーザー"},
    {AuditEntity::company, "company", "企業"},
    {AuditEntity::engagement, "engagement", "指導案件"},
    {AuditEntity::diagnosis_round, "diagnosis_round", "自社診断の回"},
    {AuditEntity::respondent, "respondent", "自社診断の回答者"},
    {AuditEntity::diagnosis_finding, "diagnosis_finding", "課題整理"},
    {AuditEntity::task, "task", "準備タスク"},
    {AuditEntity::confirmations, "confirmations", "依頼・調整事項"},
    {AuditEntity::session_record, "session_record", "指導の記録"},
    {AuditEntity::session_report, "session_report", "実施報告"},
    {AuditEntity::calendar_feed, "calendar_feed", "カレンダー購読URL"},
    {AuditEntity::outbox_message, "outbox_message", "送信待ちメール"},
    {AuditEntity::hearing_item, "hearing_item", "ヒアリング項目"},
    {AuditEntity::hearing_sheet, "hearing_sheet", "ヒアリングシート"},
    {AuditEntity::rules_check, "rules_check", "関連規程類の点検結果（様式2）"},
    {AuditEntity::policy_version, "policy_version", "情報セキュリティ基本方針の版"},
    {AuditEntity::action_plan, "action_plan", "対策実行計画書（様式3）"},
    {AuditEntity::survey_response, "survey_response", "アンケートの回答"},
    {AuditEntity::final_report, "final_report", "最終報告書"},
};

}  // namespace

std::span<const Labelled<AuditAction>> audit_actions() {
    return action_table;
}
std::span<const Labelled<AuditEntity>> audit_entities() {
    return entity_table;
}

std::string_view to_string(AuditAction action) {
    return key_in(audit_actions(), action);
}
std::string_view to_string(AuditEntity entity) {
    return key_in(audit_entities(), entity);
}
std::optional<AuditAction> parse_audit_action(std::string_view key) {
    return parse_in(audit_actions(), key);
}
std::optional<AuditEntity> parse_audit_entity(std::string_view key) {
    return parse_in(audit_entities(), key);
}

}  // namespace shido::core
