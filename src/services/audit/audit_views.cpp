#include "services/audit/audit_views.hpp"

#include "core/clock.hpp"
#include "services/json_helpers.hpp"

namespace shido::services {

namespace {
nlohmann::json parse_snapshot(const std::optional<std::string>& text) {
    if (!text) return nullptr;
    return nlohmann::json::parse(*text, nullptr, false);
}
}  // namespace

nlohmann::json to_json(const storage::AuditEntry& a) {
    return {{"id", a.id},
            {"at", core::format_iso8601(a.at)},
            {"actor_id", nullable(a.actor_id)},
            {"actor_name", a.actor_name},
            {"action", a.action},
            {"entity", a.entity},
            {"entity_id", nullable(a.entity_id)},
            {"engagement_id", nullable(a.engagement_id)},
            {"before", parse_snapshot(a.before_json)},
            {"after", parse_snapshot(a.after_json)},
            {"request_id", a.request_id}};
}

}  // namespace shido::services
