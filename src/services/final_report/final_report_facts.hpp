#pragma once
// Gathers what the final report's draft is written from; internal to the final report's use
// cases. Each source is read through its own domain's storage API and core rules.
#include <map>

#include "content/curriculum.hpp"
#include "core/engagements/engagement.hpp"
#include "core/final_report/final_report.hpp"
#include "services/context.hpp"
#include "services/documents/document_overview_service.hpp"
#include "storage/database.hpp"

namespace shido::services::final_report_detail {

core::final_report::Facts gather_facts(
    storage::Connection& c, const ServiceEnv& env, const core::Engagement& engagement,
    const content::Curriculum& course,
    const std::map<core::documents::DocumentKind, DocumentStatusesSource>& statuses);

}  // namespace shido::services::final_report_detail
