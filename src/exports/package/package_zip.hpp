#pragma once
#include <string>
#include <vector>

#include "core/package/package_manifest.hpp"

namespace shido::exports {

// The manifest (目録) as people open it: CSV in UTF-8 with a BOM and CRLF lines, so Excel on
// Windows shows the Japanese columns; every cell through neutralise_cell. Times in Japan time.
std::string write_manifest_csv(const core::package::Manifest& manifest,
                               const core::package::ManifestLabels& labels);

// The same manifest for programs: the entries with their keys, hashes in lowercase hex, times
// ISO 8601 with +09:00.
std::string write_manifest_json(const core::package::Manifest& manifest);

// The submission package: one folder named for the company holding each present entry's file
// (`files[i]` are the bytes of `manifest.entries[i]`, ignored for a missing one) and the
// manifest as <manifest_name>.csv and .json. Names are stored as UTF-8 with the ZIP's UTF-8
// flag (bit 11), which Windows Explorer and unzip honour.
std::string write_package_zip(const core::package::Manifest& manifest,
                              const core::package::PackageSpec& spec,
                              const std::vector<std::string>& files);

}  // namespace shido::exports
