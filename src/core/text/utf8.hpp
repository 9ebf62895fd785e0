#pragma once
#include <cstddef>
#include <string_view>

namespace shido::core {

// The one UTF-8 check for everything that comes from outside (JSON bodies, CSV files, paths
// and query strings). Well-formed per RFC 3629: no overlong forms (C0 AF for "/"), no UTF-16
// surrogates (ED A0 80), nothing above U+10FFFF (F4 90…, F5…), no truncated sequence.
bool is_valid_utf8(std::string_view text);

// C0 controls (U+0000–U+001F), DEL and the C1 controls (U+0080–U+009F): never in names or
// other one-line text. `text` must be valid UTF-8.
bool has_control_characters(std::string_view text);
// The same for text of several paragraphs (notes, findings): line breaks and tabs are allowed.
bool has_controls_beyond_line_breaks(std::string_view text);

// Code points in valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

}  // namespace shido::core
