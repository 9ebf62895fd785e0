#include "services/audit/audit_service.hpp"

#include "core/error.hpp"

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
    entry.action = change.action;
    entry.entity = change.entity;
    entry.entity_id = change.entity_id;
    entry.engagement_id = change.engagement_id;
    entry.before_json = dump(change.before);
    entry.after_json = dump(change.after);
    entry.request_id = ctx.request_id;
    storage::AuditRepository(c).append(entry);
}

std::vector<storage::AuditEntry> AuditService::list(const RequestContext& ctx,
                                                    const storage::AuditQuery& q) {
    if (!core::is_secretariat(ctx.actor)) core::throw_forbidden();
    storage::Connection c(env_.db);
    return storage::AuditRepository(c).list(q);
}

}  // namespace shido::services
