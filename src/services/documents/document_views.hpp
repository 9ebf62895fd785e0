#pragma once
#include <vector>

#include <nlohmann/json.hpp>

#include "services/documents/document_overview_service.hpp"

namespace shido::services {

// {"items": [{kind, kind_label, state, state_label, updated_at, submitted_at, sessions}]}
nlohmann::json documents_json(const std::vector<DocumentOverviewItem>& items);

}  // namespace shido::services
