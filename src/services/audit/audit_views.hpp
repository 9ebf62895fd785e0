#pragma once
#include <nlohmann/json.hpp>

#include "storage/audit/audit_repository.hpp"

namespace shido::services {

nlohmann::json to_json(const storage::AuditEntry& entry);

}  // namespace shido::services
