#include "services/notifications/notify.hpp"

#include <algorithm>

#include "core/calendar/civil_date.hpp"
#include "core/clock.hpp"
#include "services/crypto.hpp"
#include "storage/notifications/notification_repository.hpp"
#include "storage/notifications/outbox_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

namespace {

std::string new_message_id() {
    return "<" + random_token(18) + "@shido.local>";
}

std::string place_of(const storage::PlannedSession& s) {
    if (s.mode && *s.mode == "web")
        return "Web会議" + (s.meeting_tool ? "（" + *s.meeting_tool + "）" : std::string());
    return s.place.value_or("");
}

}  // namespace

std::vector<core::Id> recipients_of(storage::Connection& c, const core::Engagement& engagement,
                                    std::initializer_list<Audience> audiences) {
    std::vector<core::Id> ids;
    storage::NotificationRepository repo(c);
    auto add = [&ids](core::Id id) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    };
    for (auto audience : audiences) {
        switch (audience) {
            case Audience::secretariat:
                for (auto id : repo.secretariat_ids()) add(id);
                break;
            case Audience::expert:
                if (engagement.expert_id) add(*engagement.expert_id);
                break;
            case Audience::company_users:
                for (auto id : repo.company_user_ids(engagement.company_id)) add(id);
                break;
        }
    }
    return ids;
}

NotifyResult notify(storage::Connection& c, const Notice& notice, core::Timestamp now) {
    NotifyResult result;
    auto text = core::compose_notice(notice.kind, notice.facts);
    std::vector<core::Id> recipients;
    for (auto id : notice.recipients)
        if (std::find(recipients.begin(), recipients.end(), id) == recipients.end())
            recipients.push_back(id);
    storage::NotificationRepository notifications(c);
    storage::OutboxRepository outbox(c);
    for (auto user_id : recipients) {
        auto recipient = notifications.recipient(user_id);
        if (!recipient) continue;
        storage::NotificationRow row;
        row.recipient_id = user_id;
        row.kind = std::string(core::to_string(notice.kind));
        row.engagement_id = notice.engagement_id;
        row.title = text.title;
        row.body = text.body;
        row.link = notice.link;
        row.dedupe_key = notice.dedupe_key;
        row.created_at = now;
        auto id = notifications.insert(row);
        if (!id) continue;  // told before
        ++result.notifications;
        if (!recipient->active) continue;
        storage::OutboxRow mail;
        mail.notification_id = *id;
        mail.recipient_id = user_id;
        mail.recipient_address = recipient->email;
        mail.subject = text.title;
        mail.body = text.body;
        mail.link = notice.link;
        mail.message_id = new_message_id();
        mail.next_attempt_at = now;
        mail.created_at = now;
        outbox.insert(mail);
        ++result.emails;
    }
    return result;
}

NotifyResult notify_expert_assigned(storage::Connection& c, const core::Engagement& after,
                                    const std::optional<core::Id>& expert_before,
                                    core::Timestamp now) {
    if (!after.expert_id || after.expert_id == expert_before) return {};
    Notice notice;
    notice.kind = core::NotificationKind::expert_assigned;
    notice.recipients = {*after.expert_id};
    notice.engagement_id = after.id;
    // The version tells this assignment from a later one of the same expert.
    notice.dedupe_key =
        "expert_assigned:e" + std::to_string(after.id) + ":v" + std::to_string(after.version);
    notice.facts.company_name = after.company_name;
    notice.link = "/engagements/" + std::to_string(after.id);
    return notify(c, notice, now);
}

NotifyResult notify_sessions_tomorrow(storage::Database& db, const std::string& today,
                                      core::Timestamp now) {
    auto date = core::parse_civil_date(today);
    if (!date) return {};
    auto tomorrow = core::to_string(core::add_days(*date, 1));
    storage::Connection c(db);
    // Read first: most minutes there is nothing to tell, and no write lock is taken for that.
    if (storage::sessions_on(c, tomorrow).empty()) return {};
    storage::Transaction tx(c);
    NotifyResult total;
    storage::NotificationRepository notifications(c);
    for (const auto& s : storage::sessions_on(c, tomorrow)) {
        Notice notice;
        notice.kind = core::NotificationKind::session_tomorrow;
        if (s.expert_id) notice.recipients.push_back(*s.expert_id);
        for (auto id : notifications.company_user_ids(s.company_id))
            notice.recipients.push_back(id);
        notice.engagement_id = s.engagement_id;
        notice.dedupe_key = "session_tomorrow:e" + std::to_string(s.engagement_id) + ":s" +
                            std::to_string(s.session_no) + ":" + s.planned_date;
        notice.facts.company_name = s.company_name;
        notice.facts.session_no = s.session_no;
        notice.facts.date = s.planned_date;
        notice.facts.start_time = s.start_time;
        notice.facts.end_time = s.end_time;
        notice.facts.place = place_of(s);
        notice.link = "/engagements/" + std::to_string(s.engagement_id);
        auto r = notify(c, notice, now);
        total.notifications += r.notifications;
        total.emails += r.emails;
    }
    tx.commit();
    return total;
}

NotifyResult notify_due_tasks(storage::Connection& c, const std::vector<DueTask>& tasks,
                              const std::string& today, core::Timestamp now) {
    NotifyResult total;
    for (const auto& task : tasks) {
        auto kind = core::task_reminder(task.due_date, today);
        if (!kind) continue;
        Notice notice;
        notice.kind = *kind;
        notice.recipients = task.assignees;
        notice.engagement_id = task.engagement_id;
        notice.dedupe_key = std::string(core::to_string(*kind)) + ":t" +
                            std::to_string(task.task_id) + ":" + task.due_date;
        notice.facts.company_name = task.company_name;
        notice.facts.subject_name = task.title;
        notice.facts.date = task.due_date;
        notice.link = task.link;
        auto r = notify(c, notice, now);
        total.notifications += r.notifications;
        total.emails += r.emails;
    }
    return total;
}

}  // namespace shido::services
