#pragma once
#include <nlohmann/json.hpp>

#include "core/final_report/final_report.hpp"
#include "core/final_report/final_report_document.hpp"
#include "services/final_report/final_report_service.hpp"

namespace shido::services {

// The API's JSON of a final report as the reader may see it (openapi: FinalReportView).
nlohmann::json to_json(const FinalReportView& view);
// What the audit keeps: the stored fields only.
nlohmann::json final_report_snapshot(const core::final_report::FinalReport& report);
// The PDF's content: the submitted copy for readers other than the author, the working copy
// (or the draft) for the author.
core::final_report::Document final_report_document(const FinalReportView& view);

}  // namespace shido::services
