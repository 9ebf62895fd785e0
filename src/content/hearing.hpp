#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "core/hearing/hearing_sheet.hpp"

namespace shido::content {

// 【様式1】ヒアリングシート (content/hearing/<id>.json): sections numbered 1..N, each with its
// items (keys unique across the sheet), the column headers, and the expert-only guidance.
core::hearing::HearingTemplate parse_hearing_template(const nlohmann::json& doc,
                                                      const std::string& source);

}  // namespace shido::content
