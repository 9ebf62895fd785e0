#pragma once
#include <string_view>

#include "core/validation.hpp"

namespace shido::testing {

// True when `text` is valid UTF-8 with at least one kana or kanji: a label people read.
inline bool has_japanese(std::string_view text) {
    if (!core::is_valid_utf8(text)) return false;
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        auto lead = static_cast<unsigned char>(text[i]);
        if ((lead >> 4) != 0xE) continue;  // every kana and common kanji is 3 bytes long
        char32_t cp = ((lead & 0x0F) << 12) |
                      ((static_cast<unsigned char>(text[i + 1]) & 0x3F) << 6) |
                      (static_cast<unsigned char>(text[i + 2]) & 0x3F);
        if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF)) return true;
    }
    return false;
}

}  // namespace shido::testing
