#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "core/diagnosis/instrument.hpp"

namespace shido::content {

// Parses and validates one edition of the self-assessment (content/diagnosis/<id>.json):
// items numbered 1..N in part order, 2-3 check points and example measures per item, unique
// choice keys, bands that cover every possible total exactly once.
core::diagnosis::Instrument parse_instrument(const nlohmann::json& doc, const std::string& source);

}  // namespace shido::content
