#include "exports/cell_text.hpp"

#include <array>

namespace shido::exports {

namespace {

// Leading text that makes a spreadsheet read a cell as a formula.
constexpr std::array<std::string_view, 10> formula_starts{
    "=",
    "+",
    "-",
    "@",
    "\t",
    "\r",
    "\xEF\xBC\x9D",  // ＝ U+FF1D
    "\xEF\xBC\x8B",  // ＋ U+FF0B
    "\xEF\xBC\x8D",  // － U+FF0D
    "\xEF\xBC\xA0",  // ＠ U+FF20
};

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

bool continuation(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

// Length of the valid UTF-8 sequence at text[i], or 0 when it is invalid.
std::size_t sequence_length(std::string_view text, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) return 1;
    std::size_t length = 0;
    unsigned char min1 = 0x80, max1 = 0xBF;  // allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        if (b0 == 0xE0) min1 = 0xA0;  // no overlong forms
        if (b0 == 0xED) max1 = 0x9F;  // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        if (b0 == 0xF0) min1 = 0x90;
        if (b0 == 0xF4) max1 = 0x8F;  // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    if (b1 < min1 || b1 > max1) return 0;
    for (std::size_t k = 2; k < length; ++k)
        if (!continuation(static_cast<unsigned char>(text[i + k]))) return 0;
    return length;
}

}  // namespace

std::string neutralise_cell(std::string text) {
    for (std::string_view start : formula_starts) {
        if (text.starts_with(start)) {
            text.insert(text.begin(), '\'');
            break;
        }
    }
    return text;
}

std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t length = sequence_length(text, i);
        if (length == 0) {
            out += replacement;
            ++i;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
    }
    return out;
}

std::string truncate_utf8(std::string text, std::size_t max_chars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (continuation(static_cast<unsigned char>(text[i]))) continue;
        if (chars == max_chars) {
            text.resize(i);
            break;
        }
        ++chars;
    }
    return text;
}

}  // namespace shido::exports
