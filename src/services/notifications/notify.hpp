#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "core/engagements/engagement.hpp"
#include "core/notifications/notice_text.hpp"
#include "storage/database.hpp"

namespace shido::services {

// Something people should hear of: what happened, to whom, and where in the app to look.
struct Notice {
    core::NotificationKind kind = core::NotificationKind::expert_assigned;
    std::vector<core::Id> recipients;  // user ids; duplicates are told once
    std::optional<core::Id> engagement_id;
    // Unique per recipient: a second notice with the same key writes nothing (time-based
    // scans run again and again; a retried request is told once). E.g.
    // "report_submitted:r42:v3", "session_tomorrow:e12:s2:2026-12-02".
    std::string dedupe_key;
    core::NoticeFacts facts;  // the title and body are composed from these (core::compose_notice)
    std::string link;         // the app page, as a path: /engagements/12
};

struct NotifyResult {
    int notifications = 0;  // new in-app notifications
    int emails = 0;         // outbox rows queued (recipients whose account is active)
};

// Who is told, by what they are to an engagement.
enum class Audience {
    secretariat,    // every active 事務局 user
    expert,         // the engagement's assigned expert, if any
    company_users,  // every active user of the engagement's company
};

// The user ids of these audiences of `engagement` (each once), for Notice::recipients.
std::vector<core::Id> recipients_of(storage::Connection& c, const core::Engagement& engagement,
                                    std::initializer_list<Audience> audiences);

// Writes one in-app notification per recipient and, for each recipient whose account is
// active, one e-mail in the outbox — on the caller's connection, inside the caller's
// transaction (it opens none): the notice is stored with its cause or not at all.
NotifyResult notify(storage::Connection& c, const Notice& notice, core::Timestamp now);

// The expert of `after` was assigned (or another expert): tells the new expert. Nothing when
// the expert is unchanged or unassigned. Called by EngagementService in its transaction.
NotifyResult notify_expert_assigned(storage::Connection& c, const core::Engagement& after,
                                    const std::optional<core::Id>& expert_before,
                                    core::Timestamp now);

// 明日の指導: every session planned on the day after `today` (YYYY-MM-DD, Japan) of an
// engagement planned or in progress, told to its expert and the company's users. Idempotent:
// run it as often as you like (the worker runs it every cycle). Opens its own transaction.
NotifyResult notify_sessions_tomorrow(storage::Database& db, const std::string& today,
                                      core::Timestamp now);

// A task with a due date, as the tasks query gives it (the tasks table is the lead's).
struct DueTask {
    core::Id task_id = 0;
    core::Id engagement_id = 0;
    std::string title;
    std::string company_name;
    std::string due_date;  // YYYY-MM-DD
    std::vector<core::Id> assignees;
    std::string link;  // the task's page
};

// 期限間近のタスク / 期限切れのタスク for the tasks given (open tasks only): each reminder is
// written once per task and due date (core::task_reminder decides which applies on `today`).
// In the caller's transaction.
NotifyResult notify_due_tasks(storage::Connection& c, const std::vector<DueTask>& tasks,
                              const std::string& today, core::Timestamp now);

}  // namespace shido::services
