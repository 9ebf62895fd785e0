#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace shido::exports {

// The one gate for text that goes into a spreadsheet cell. Text that a spreadsheet could take
// for a formula when the cell is edited, pasted or saved as CSV — starting with = + - @, a tab
// or a carriage return, or with the full-width ＝ ＋ － ＠ that Japanese input produces — gets a
// leading ' so it stays text. Everything else is returned unchanged. Cells are always written
// as strings as well; this guards the copies people make of them.
std::string neutralise_cell(std::string text);

// Text as valid UTF-8: every invalid byte sequence becomes U+FFFD. Export libraries expect
// valid UTF-8 and would otherwise write a corrupt file or drop the text.
std::string valid_utf8(std::string_view text);

// At most max_chars code points of valid UTF-8 text (cut at a character boundary).
std::string truncate_utf8(std::string text, std::size_t max_chars);

}  // namespace shido::exports
