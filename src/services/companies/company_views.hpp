#pragma once
#include <nlohmann/json.hpp>

#include "core/companies/company.hpp"

namespace shido::services {

// A company as the API shows it; also its audit snapshot (all of its fields are stored ones).
nlohmann::json to_json(const core::Company& company);

}  // namespace shido::services
