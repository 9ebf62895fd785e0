#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "services/context.hpp"
#include "storage/audit/audit_repository.hpp"

namespace shido::services {

// What changed, for the audit log. Written inside the caller's transaction so a change and
// its audit entry are stored together or not at all.
struct Change {
    std::string action;
    std::string entity;
    std::optional<core::Id> entity_id;
    std::optional<core::Id> engagement_id;
    nlohmann::json before;  // null when created
    nlohmann::json after;   // null when deleted
};

void record(storage::Connection& c, const RequestContext& ctx, core::Timestamp now,
            const Change& change);

class AuditService {
  public:
    explicit AuditService(ServiceEnv env) : env_(env) {}
    // Secretariat only.
    std::vector<storage::AuditEntry> list(const RequestContext& ctx, const storage::AuditQuery& q);

  private:
    ServiceEnv env_;
};

}  // namespace shido::services
