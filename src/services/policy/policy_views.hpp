#pragma once
#include <nlohmann/json.hpp>

#include "services/policy/policy_service.hpp"

namespace shido::services {

// The API's JSON for the basic policy, and the audit snapshot of a version (stored fields).
nlohmann::json to_json(const PolicyView& view);
nlohmann::json to_json(const core::policy::PolicyVersion& version);
nlohmann::json to_json(const PolicyDraft& draft);
nlohmann::json to_json(const SubmittedPolicy& submitted);
nlohmann::json policy_diff_json(int from, int to, const std::vector<core::policy::DiffRow>& rows);
nlohmann::json policy_coverage_json(const std::vector<core::policy::ArticleCoverage>& coverage);
nlohmann::json policy_status_json(const core::documents::DocumentStatus& status);
nlohmann::json snapshot(const core::policy::PolicyVersion& version);

}  // namespace shido::services
