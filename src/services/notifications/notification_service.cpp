#include "services/notifications/notification_service.hpp"

#include "core/access/access_policy.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/notifications/notification_kind.hpp"
#include "services/audit/audit_service.hpp"
#include "services/json_helpers.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

core::Page<storage::NotificationRow> NotificationService::list(const RequestContext& ctx,
                                                               const NotificationFilter& f) {
    storage::Connection c(env_.db);
    storage::NotificationQuery q;
    q.recipient_id = ctx.actor.user_id;
    q.unread_only = f.unread_only;
    q.page = f.page;
    return storage::NotificationRepository(c).page(q);
}

long long NotificationService::unread_count(const RequestContext& ctx) {
    storage::Connection c(env_.db);
    return storage::NotificationRepository(c).unread_count(ctx.actor.user_id);
}

long long NotificationService::mark_read(const RequestContext& ctx,
                                         const std::vector<core::Id>& ids) {
    if (ids.empty() || ids.size() > 200)
        throw core::DomainError(core::ErrorCode::validation, "入力内容に誤りがあります。",
                                {{"ids", "既読にする通知を1〜200件指定してください。"}});
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::NotificationRepository repo(c);
    if (repo.owned(ctx.actor.user_id, ids).size() != ids.size()) core::throw_not_found("通知");
    repo.mark_read(ctx.actor.user_id, ids, env_.now());
    auto unread = repo.unread_count(ctx.actor.user_id);
    tx.commit();
    return unread;
}

long long NotificationService::mark_all_read(const RequestContext& ctx) {
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::NotificationRepository repo(c);
    repo.mark_all_read(ctx.actor.user_id, env_.now());
    tx.commit();
    return 0;
}

core::Page<storage::OutboxRow> OutboxService::list(const RequestContext& ctx,
                                                   const OutboxFilter& f) {
    if (!core::is_secretariat(ctx.actor)) core::throw_forbidden();
    storage::OutboxQuery q;
    if (f.status && !f.status->empty()) {
        if (!core::parse_outbox_status(*f.status))
            throw core::DomainError(
                core::ErrorCode::validation, "入力内容に誤りがあります。",
                {{"status", "状態は queued・sending・sent・failed のいずれかです。"}});
        q.status = *f.status;
    }
    q.page = f.page;
    storage::Connection c(env_.db);
    return storage::OutboxRepository(c).page(q);
}

storage::OutboxRow OutboxService::retry(const RequestContext& ctx, core::Id id) {
    if (!core::is_secretariat(ctx.actor)) core::throw_forbidden();
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::OutboxRepository repo(c);
    auto before = repo.find(id);
    if (!before) core::throw_not_found("メール");
    if (!repo.requeue(id, now))
        throw core::DomainError(core::ErrorCode::conflict,
                                "再送できるのは送信に失敗したメールだけです。");
    auto after = repo.find(id).value();
    record(c, ctx, now,
           Change{core::AuditAction::requeue, core::AuditEntity::outbox_message, id, std::nullopt,
                  snapshot(*before), snapshot(after)});
    tx.commit();
    return after;
}

nlohmann::json to_json(const storage::NotificationRow& n) {
    auto kind = core::parse_notification_kind(n.kind);
    return {{"id", n.id},
            {"kind", n.kind},
            {"kind_label", kind ? std::string(core::label_ja(*kind)) : n.kind},
            {"engagement_id", nullable(n.engagement_id)},
            {"title", n.title},
            {"body", n.body},
            {"link", n.link},
            {"created_at", core::format_iso8601(n.created_at)},
            {"read_at", n.read_at ? nlohmann::json(core::format_iso8601(*n.read_at))
                                  : nlohmann::json(nullptr)}};
}

nlohmann::json to_json(const storage::OutboxRow& r) {
    bool waiting = r.status == "queued";
    auto time = [](const std::optional<core::Timestamp>& t) {
        return t ? nlohmann::json(core::format_iso8601(*t)) : nlohmann::json(nullptr);
    };
    return {
        {"id", r.id},
        {"recipient_id", nullable(r.recipient_id)},
        {"recipient_address", r.recipient_address},
        {"subject", r.subject},
        {"body", r.body},
        // An invitation or reset link would let whoever reads this page sign in as its person.
        {"link", r.confidential ? std::string() : r.link},
        {"message_id", r.message_id},
        {"status", r.status},
        {"attempts", r.attempts},
        {"next_attempt_at", waiting ? time(r.next_attempt_at) : nlohmann::json(nullptr)},
        {"last_error", nullable(r.last_error)},
        {"claimed_until", r.status == "sending" ? time(r.claimed_until) : nlohmann::json(nullptr)},
        {"sent_at", time(r.sent_at)},
        {"created_at", core::format_iso8601(r.created_at)}};
}

nlohmann::json snapshot(const storage::OutboxRow& r) {
    return {{"status", r.status},
            {"attempts", r.attempts},
            {"next_attempt_at", r.next_attempt_at},
            {"last_error", nullable(r.last_error)},
            {"recipient_address", r.recipient_address},
            {"message_id", r.message_id}};
}

}  // namespace shido::services
