#include "core/text/utf8.hpp"

namespace shido::core {

namespace {

bool in(unsigned char byte, unsigned char low, unsigned char high) {
    return byte >= low && byte <= high;
}

// The length of the well-formed sequence starting at `i`, or 0 when there is none
// (RFC 3629, table 3-7 of the Unicode standard).
std::size_t sequence_at(std::string_view text, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const std::size_t left = text.size() - i;
    const unsigned char lead = byte(0);
    if (lead < 0x80) return 1;
    if (in(lead, 0xC2, 0xDF)) return left >= 2 && in(byte(1), 0x80, 0xBF) ? 2 : 0;
    if (in(lead, 0xE0, 0xEF)) {
        if (left < 3) return 0;
        const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;   // no overlong
        const unsigned char high = lead == 0xED ? 0x9F : 0xBF;  // no surrogates
        return in(byte(1), low, high) && in(byte(2), 0x80, 0xBF) ? 3 : 0;
    }
    if (in(lead, 0xF0, 0xF4)) {
        if (left < 4) return 0;
        const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;   // no overlong
        const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;  // nothing above U+10FFFF
        return in(byte(1), low, high) && in(byte(2), 0x80, 0xBF) && in(byte(3), 0x80, 0xBF) ? 4 : 0;
    }
    return 0;  // 80–C1 and F5–FF never start a character
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        auto length = sequence_at(text, i);
        if (length == 0) return false;
        i += length;
    }
    return true;
}

namespace {

bool is_line_break_or_tab(unsigned char c) {
    return c == '\n' || c == '\r' || c == '\t';
}

bool has_controls(std::string_view text, bool allow_line_breaks) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (allow_line_breaks && is_line_break_or_tab(c)) continue;
        if (c < 0x20 || c == 0x7F) return true;
        // U+0080–U+009F are C2 80 – C2 9F.
        if (c == 0xC2 && i + 1 < text.size() &&
            in(static_cast<unsigned char>(text[i + 1]), 0x80, 0x9F))
            return true;
    }
    return false;
}

}  // namespace

bool has_control_characters(std::string_view text) {
    return has_controls(text, false);
}

bool has_controls_beyond_line_breaks(std::string_view text) {
    return has_controls(text, true);
}

std::size_t utf8_length(std::string_view text) {
    std::size_t count = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++count;
    return count;
}

}  // namespace shido::core
