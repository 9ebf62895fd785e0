#pragma once
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/paging/page.hpp"
#include "services/course/confirmation_service.hpp"
#include "services/course/report_service.hpp"
#include "services/course/session_record_service.hpp"
#include "services/course/task_service.hpp"
#include "storage/access/record_read_repository.hpp"

namespace shido::services {

// The API's JSON for the course as it is run, and the audit snapshots (stored fields only).
nlohmann::json to_json(const core::Task& task, std::string_view today);
nlohmann::json tasks_json(const std::vector<core::Task>& tasks, std::string_view today);
nlohmann::json snapshot(const core::Task& task);

nlohmann::json to_json(const ConfirmationsView& view);
nlohmann::json snapshot(const core::Confirmations& confirmations);

nlohmann::json to_json(const SessionRecordView& view, std::string_view today);
nlohmann::json snapshot(const core::SessionRecord& record);

nlohmann::json to_json(const ReportView& view);
nlohmann::json to_json(const core::ReportBody& body);
nlohmann::json snapshot(const core::SessionReport& report);

nlohmann::json to_json(const core::Page<storage::RecordRead>& page);

}  // namespace shido::services
