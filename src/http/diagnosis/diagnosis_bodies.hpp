#pragma once
// The request bodies and path parts of the self-assessment's staff routes, read strictly.
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnosis/findings.hpp"
#include "core/diagnosis/report.hpp"
#include "http/route.hpp"
#include "services/diagnosis/diagnosis_types.hpp"

namespace shido::http {

services::Invite invite_of(const nlohmann::json& body);
services::PaperSheet paper_of(const nlohmann::json& body);
core::diagnosis::Finding finding_of(const nlohmann::json& body, int item_no);
std::vector<std::pair<core::Id, std::string>> links_of(const nlohmann::json& body);
int item_no_of(const ApiCall& call);
// A download name: the company, the document and the round, without path or quote characters.
std::string export_name(const core::diagnosis::DiagnosisReport& report, const char* title,
                        const char* extension);
std::string safe_file_part(std::string text);

}  // namespace shido::http
