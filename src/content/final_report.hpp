#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "core/final_report/final_report_labels.hpp"

namespace shido::content {

// content/final_report/<id>.json: the 最終報告書's headings, limits and draft phrases. Every
// section once and in order, every phrase the draft uses, nothing else (Reader::finish()).
core::final_report::Labels parse_final_report_labels(const nlohmann::json& doc,
                                                     const std::string& source);

}  // namespace shido::content
