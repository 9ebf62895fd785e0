#pragma once
#include <optional>
#include <string>

#include "core/notifications/notification_kind.hpp"

namespace shido::core {

// The facts a notification is written from; each kind uses the ones it names.
struct NoticeFacts {
    std::string company_name;
    std::optional<int> session_no;
    std::optional<std::string> date;  // YYYY-MM-DD: the session's date or the task's due date
    std::optional<std::string> start_time, end_time;  // HH:MM
    std::optional<std::string> place;                 // 訪問先 or Web会議
    std::string subject_name;                         // the task's title, the report's name
    std::string note;                                 // e.g. why a report was returned
};

struct NoticeText {
    std::string title;  // one line: the notification's title and the e-mail's subject
    std::string body;   // plain text, lines separated by "\n"
};

// The Japanese title and body of a notification of `kind`. Pure: the same facts always give
// the same text.
NoticeText compose_notice(NotificationKind kind, const NoticeFacts& facts);

// Which of the task reminders applies to a task due on `due` (YYYY-MM-DD) seen on `today`:
// overdue after the due date, due soon from `soon_days` days before it, none otherwise.
std::optional<NotificationKind> task_reminder(const std::string& due, const std::string& today,
                                              int soon_days = 2);

}  // namespace shido::core
