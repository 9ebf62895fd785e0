#pragma once
// The request bodies of the basic policy's routes, read strictly: unknown fields and wrong
// types are validation errors naming the field.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "services/policy/policy_service.hpp"

namespace shido::http {

services::PolicySaveInput policy_save_input_of(const nlohmann::json& body);
// {note, version} of a version's note.
std::pair<std::string, std::optional<int>> policy_note_input_of(const nlohmann::json& body);
// {version} of an approval or a submission.
std::optional<int> policy_version_input_of(const nlohmann::json& body);
// {text} of a pasted policy.
std::string policy_pasted_text_of(const nlohmann::json& body);

}  // namespace shido::http
