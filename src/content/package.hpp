#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "core/package/package_manifest.hpp"

namespace shido::content {

// What the submission package holds (content/package/<id>.json), read strictly: part keys
// must be ones shido knows, each once, file names already safe for Windows.
core::package::PackageSpec parse_package_spec(const nlohmann::json& doc, const std::string& source);

}  // namespace shido::content
