#pragma once
#include <cstddef>
#include <string_view>

#include "core/office/sheet_cells.hpp"

namespace shido::exports::office {

// What an uploaded workbook may cost to open. A ZIP states sizes it need not keep, so every
// entry is read through a bounded buffer and the caps apply to the bytes actually produced:
// a zip bomb (megabytes of zeros in a few kilobytes) stops at the cap, with nothing stored.
struct XlsxLimits {
    std::size_t max_entries = 500;
    std::size_t max_entry_bytes = 4 * 1024 * 1024;   // one part, uncompressed
    std::size_t max_total_bytes = 16 * 1024 * 1024;  // all parts read, uncompressed
    std::size_t max_ratio = 200;                     // uncompressed ÷ compressed, large parts
    std::size_t max_cells = 20000;
};

// The cells of the first worksheet of an .xlsx (Office Open XML) file: shared and inline
// strings, numbers as written (dates are serial day numbers), booleans, error values, and
// formulas kept as formulas. Phonetic guides (ふりがな, <rPh>) are not part of a cell's text.
// Anything that is not such a file, or exceeds the limits, is a DomainError(validation) with
// a Japanese message. The one parser of uploaded workbooks (fuzzed:
// tests/fuzz/xlsx_reader_fuzz.cpp).
core::office::SheetCells read_xlsx_cells(std::string_view bytes, const XlsxLimits& limits = {});

}  // namespace shido::exports::office
