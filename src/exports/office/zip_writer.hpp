#pragma once
// A ZIP archive written in memory with libzip: the container of Office Open XML files (.docx,
// later .xlsx or bundles of exports). Internal to exports.
#include <string>
#include <vector>

namespace shido::exports::office {

struct ZipEntry {
    std::string name;  // the path inside the archive, e.g. "word/document.xml"
    std::string data;
};

// The archive's bytes, entries in the given order (Office wants [Content_Types].xml first).
// Throws std::runtime_error when libzip fails.
std::string write_zip(const std::vector<ZipEntry>& entries);

}  // namespace shido::exports::office
