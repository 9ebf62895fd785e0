#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "content/curriculum.hpp"
#include "core/accounts/user.hpp"
#include "core/companies/company.hpp"
#include "core/engagements/engagement.hpp"
#include "services/json_writer.hpp"
#include "storage/audit/audit_repository.hpp"

namespace shido::services {

// The JSON shape of each entity: the API's responses and the audit log's before/after
// snapshots use the same functions, so an audit entry shows what the API showed.
nlohmann::json to_json(const core::User& user);
nlohmann::json to_json(const core::Company& company);
nlohmann::json to_json(const core::Engagement& engagement);
// The engagement's JSON written directly as text (the same shape as to_json), for hot lists.
void write(JsonWriter& out, const core::Engagement& engagement);
std::string engagement_list_json(const std::vector<core::Engagement>& list);
nlohmann::json to_json(const storage::AuditEntry& entry);
nlohmann::json to_json(const content::Curriculum& curriculum);

}  // namespace shido::services
