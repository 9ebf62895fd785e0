#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/documents/document_file.hpp"
#include "core/package/package_manifest.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/services.hpp"

namespace shido::http {

// The submission package is collected here, in http, because each part needs both its
// domain's service (the document as submitted) and its exporter (the file), and only http
// reaches both (http → exports; services cannot link exports).

// What a part maker found: the file, or why it is not there yet (a short Japanese phrase,
// shown in the manifest and the 409 message).
struct PackagePart {
    std::optional<core::documents::DocumentFile> file;
    std::string missing_reason;
};

// Whether the maker renders the file or only says whether it is there (the readiness list:
// no PDF rendered for it).
enum class PartDepth { facts, bytes };

// One per document kind: reads through a view_submitted_documents grant.
using PackagePartMaker = PackagePart (*)(services::Services&, const services::EngagementGrant&,
                                         PartDepth);

struct PackagePartProvider {
    std::string_view key;  // as in content/package/<id>.json
    PackagePartMaker make;
};

// Every part shido can make today, registered in package_parts.cpp (one line each).
const std::vector<PackagePartProvider>& package_part_providers();

// The manifest for one engagement and, with PartDepth::bytes, the files (one slot per entry,
// empty for a missing one). Hashes and sizes are filled from the bytes.
struct CollectedPackage {
    core::package::Manifest manifest;
    std::vector<std::string> files;
};
CollectedPackage collect_package(services::Services& s, const services::EngagementGrant& grant,
                                 PartDepth depth, core::Timestamp now);

}  // namespace shido::http
