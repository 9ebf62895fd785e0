#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/paging/page.hpp"
#include "storage/database.hpp"

namespace shido::storage {

struct AuditEntry {
    core::Id id = 0;
    core::Timestamp at = 0;
    std::optional<core::Id> actor_id;
    std::string actor_name;
    std::string action;  // create, update, login, ...
    std::string entity;  // engagement, company, user, ...
    std::optional<core::Id> entity_id;
    std::optional<core::Id> engagement_id;
    std::optional<std::string> before_json;
    std::optional<std::string> after_json;
    std::string request_id;
};

// Filters of the audit log; each one given becomes a condition (indexes in 003_list_indexes).
struct AuditQuery {
    std::optional<std::string> entity;
    std::optional<core::Id> entity_id;
    std::optional<core::Id> engagement_id;
    std::optional<std::string> action;
    core::PageRequest page;  // newest first
};

class AuditRepository {
  public:
    explicit AuditRepository(Connection& c) : c_(c) {}

    void append(const AuditEntry& entry);
    core::Page<AuditEntry> page(const AuditQuery& query);

  private:
    Connection& c_;
};

}  // namespace shido::storage
