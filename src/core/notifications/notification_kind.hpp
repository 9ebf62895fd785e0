#pragma once
#include <optional>
#include <span>
#include <string_view>

#include "core/labelled.hpp"

namespace shido::core {

// What a notification is about. Stored and served by key; people read the label.
enum class NotificationKind {
    task_due_soon,
    task_overdue,
    report_submitted,
    report_returned,
    report_accepted,
    session_tomorrow,
    expert_assigned,
};

std::span<const Labelled<NotificationKind>> notification_kinds();
std::string_view to_string(NotificationKind kind);
std::string_view label_ja(NotificationKind kind);
std::optional<NotificationKind> parse_notification_kind(std::string_view key);

// Where an outbox message stands: queued (waiting for its next attempt), sending (claimed by
// one server until claimed_until), sent, failed (given up; the secretariat may re-queue it).
enum class OutboxStatus { queued, sending, sent, failed };

std::span<const Labelled<OutboxStatus>> outbox_statuses();
std::string_view to_string(OutboxStatus status);
std::optional<OutboxStatus> parse_outbox_status(std::string_view key);

}  // namespace shido::core
