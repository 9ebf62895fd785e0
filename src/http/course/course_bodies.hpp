#pragma once
// The request bodies and path parts of the course's routes (tasks, confirmations, session
// records, reports), read strictly: unknown fields and wrong types are validation errors.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/course/report.hpp"
#include "http/route.hpp"
#include "services/course/confirmation_service.hpp"
#include "services/course/session_record_service.hpp"
#include "services/course/task_service.hpp"

namespace shido::http {

int session_no_of(const ApiCall& call);

services::TaskInput task_input_of(const nlohmann::json& body);
bool task_done_of(const nlohmann::json& body);
services::ArrangementsInput arrangements_of(const nlohmann::json& body);
services::RecordInput record_input_of(const nlohmann::json& body);
// The report's body and the version it was read at (0 for a new one).
std::pair<core::ReportBody, std::optional<int>> report_input_of(const nlohmann::json& body);
// {version, comment?} of a transition.
std::pair<std::optional<int>, std::string> review_input_of(const nlohmann::json& body);

}  // namespace shido::http
