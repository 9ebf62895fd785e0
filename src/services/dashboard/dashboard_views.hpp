#pragma once
#include <string>

#include "core/dashboard/dashboard.hpp"
#include "core/paging/page.hpp"

namespace shido::services {

// The dashboard's API JSON (openapi.json: DashboardEngagementList, DashboardSummary,
// ExpertWorkloadList), written directly as text.
std::string dashboard_page_json(const core::Page<core::DashboardRow>& page);
std::string dashboard_summary_json(const core::DashboardSummary& summary);
std::string expert_workload_page_json(const core::Page<core::ExpertWorkload>& page);

}  // namespace shido::services
