#include "core/notifications/notification_kind.hpp"

namespace shido::core {

namespace {

constexpr Labelled<NotificationKind> notification_kind_table[] = {
    {NotificationKind::task_due_soon, "task_due_soon", "期限間近のタスク"},
    {NotificationKind::task_overdue, "task_overdue", "期限切れのタスク"},
    {NotificationKind::report_submitted, "report_submitted", "実施報告の提出"},
    {NotificationKind::report_returned, "report_returned", "実施報告の差し戻し"},
    {NotificationKind::report_accepted, "report_accepted", "実施報告の受理"},
    {NotificationKind::session_tomorrow, "session_tomorrow", "明日の指導"},
    {NotificationKind::expert_assigned, "expert_assigned", "専門家の割り当て"},
};

constexpr Labelled<OutboxStatus> outbox_status_table[] = {
    {OutboxStatus::queued, "queued", "送信待ち"},
    {OutboxStatus::sending, "sending", "送信中"},
    {OutboxStatus::sent, "sent", "送信済み"},
    {OutboxStatus::failed, "failed", "送信失敗"},
};

}  // namespace

std::span<const Labelled<NotificationKind>> notification_kinds() {
    return notification_kind_table;
}
std::string_view to_string(NotificationKind kind) {
    return key_in(notification_kinds(), kind);
}
std::string_view label_ja(NotificationKind kind) {
    return label_in(notification_kinds(), kind);
}
std::optional<NotificationKind> parse_notification_kind(std::string_view key) {
    return parse_in(notification_kinds(), key);
}

std::span<const Labelled<OutboxStatus>> outbox_statuses() {
    return outbox_status_table;
}
std::string_view to_string(OutboxStatus status) {
    return key_in(outbox_statuses(), status);
}
std::optional<OutboxStatus> parse_outbox_status(std::string_view key) {
    return parse_in(outbox_statuses(), key);
}

}  // namespace shido::core
