#pragma once
#include <string>
#include <string_view>

#include "exports/office/office_archive.hpp"

namespace shido::exports::office {

// The text of a Word file (.docx, Office Open XML) as a person reads it: one line per
// paragraph of the main document, tabs and line breaks kept, tables read cell by cell, deleted
// revisions left out. Anything that is not such a file, or exceeds the limits, is a
// DomainError(validation) with a Japanese message. The one parser of uploaded Word files
// (fuzzed: tests/fuzz/docx_fuzz.cpp).
std::string read_docx_text(std::string_view bytes, const ArchiveLimits& limits = {});

}  // namespace shido::exports::office
