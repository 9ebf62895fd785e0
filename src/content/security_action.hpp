#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "core/security_action/readiness.hpp"

namespace shido::content {

// SECURITY ACTION's ★ commitments and ★★ conditions (content/security_action/<id>.json),
// read strictly: five commitments, each ★★ condition once.
core::security_action::SecurityActionSpec parse_security_action(const nlohmann::json& doc,
                                                                const std::string& source);

}  // namespace shido::content
