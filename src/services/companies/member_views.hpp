#pragma once
#include <nlohmann/json.hpp>

#include "services/companies/company_member_service.hpp"

namespace shido::services {

// A company's account as its owner sees it (no second-factor or audit details).
nlohmann::json member_json(const core::User& member);
nlohmann::json to_json(const CompanyMembers& members);

}  // namespace shido::services
