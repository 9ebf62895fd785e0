#include "services/audit/audit_service.hpp"

#include "core/error.hpp"
#include "core/validation.hpp"

namespace shido::services {

namespace {
std::optional<std::string> dump(const nlohmann::json& snapshot) {
    if (snapshot.is_null()) return std::nullopt;
    return snapshot.dump();
}
}  // namespace

void record(storage::Connection& c, const RequestContext& ctx, core::Timestamp now,
            const Change& change) {
    storage::AuditEntry entry;
    entry.at = now;
    if (ctx.actor.user_id != 0) entry.actor_id = ctx.actor.user_id;
    entry.actor_name = ctx.actor.name.empty() ? "system" : ctx.actor.name;
    entry.action = core::to_string(change.action);
    entry.entity = core::to_string(change.entity);
    entry.entity_id = change.entity_id;
    entry.engagement_id = change.engagement_id;
    entry.before_json = dump(change.before);
    entry.after_json = dump(change.after);
    entry.request_id = ctx.request_id;
    storage::AuditRepository(c).append(entry);
}

core::Page<storage::AuditEntry> AuditService::list(const RequestContext& ctx,
                                                   const AuditFilter& filter) {
    if (!core::is_secretariat(ctx.actor)) core::throw_forbidden();
    core::Validator v;
    storage::AuditQuery q;
    if (filter.entity && !filter.entity->empty()) {
        if (!core::parse_audit_entity(*filter.entity))
            v.fail("entity", "対象の種類の指定が正しくありません。");
        q.entity = filter.entity;
    }
    if (filter.action && !filter.action->empty()) {
        if (!core::parse_audit_action(*filter.action))
            v.fail("action", "操作の種類の指定が正しくありません。");
        q.action = filter.action;
    }
    v.throw_if_failed();
    q.entity_id = filter.entity_id;
    q.engagement_id = filter.engagement_id;
    q.page = filter.page;
    storage::Connection c(env_.db);
    return storage::AuditRepository(c).page(q);
}

}  // namespace shido::services
