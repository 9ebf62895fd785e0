#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/audit/audit_event.hpp"
#include "services/context.hpp"
#include "storage/audit/audit_repository.hpp"

namespace shido::services {

// What changed, for the audit log. Written inside the caller's transaction so a change and
// its audit entry are stored together or not at all.
struct Change {
    core::AuditAction action;
    core::AuditEntity entity;
    std::optional<core::Id> entity_id;
    std::optional<core::Id> engagement_id;
    nlohmann::json before;  // null when created
    nlohmann::json after;   // null when deleted
};

void record(storage::Connection& c, const RequestContext& ctx, core::Timestamp now,
            const Change& change);

struct AuditFilter {
    std::optional<std::string> entity, action;  // keys of core::AuditEntity / AuditAction
    std::optional<core::Id> entity_id, engagement_id;
    core::PageRequest page;
};

class AuditService {
  public:
    explicit AuditService(ServiceEnv env) : env_(env) {}
    // Secretariat only: the log, newest first, one page at a time.
    core::Page<storage::AuditEntry> list(const RequestContext& ctx, const AuditFilter& filter);

  private:
    ServiceEnv env_;
};

}  // namespace shido::services
