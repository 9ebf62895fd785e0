// The UTF-8 validator against a second, deliberately naive decoder: both must agree on every
// input, and what passes must count and classify without reading past its end.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/text/utf8.hpp"
#include "fuzz_check.hpp"

namespace {

// Decodes one code point the long way (RFC 3629 table 3-7 by ranges); nullopt when malformed.
std::optional<std::size_t> reference_sequence_length(std::string_view text, std::size_t at) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
    auto left = text.size() - at;
    auto in = [](unsigned char b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
    unsigned char b0 = byte(0);
    if (b0 <= 0x7F) return 1;
    if (in(b0, 0xC2, 0xDF))
        return left >= 2 && in(byte(1), 0x80, 0xBF) ? std::optional(2) : std::nullopt;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        if (left < 3) return std::nullopt;
        unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80;
        unsigned hi = b0 == 0xED ? 0x9F : 0xBF;
        return in(byte(1), lo, hi) && in(byte(2), 0x80, 0xBF) ? std::optional(3) : std::nullopt;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        if (left < 4) return std::nullopt;
        unsigned lo = b0 == 0xF0 ? 0x90 : 0x80;
        unsigned hi = b0 == 0xF4 ? 0x8F : 0xBF;
        return in(byte(1), lo, hi) && in(byte(2), 0x80, 0xBF) && in(byte(3), 0x80, 0xBF)
                   ? std::optional(4)
                   : std::nullopt;
    }
    return std::nullopt;
}

std::optional<std::size_t> reference_code_points(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t at = 0; at < text.size(); ++count) {
        auto length = reference_sequence_length(text, at);
        if (!length) return std::nullopt;
        at += *length;
    }
    return count;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto expected = reference_code_points(text);
    bool valid = shido::core::is_valid_utf8(text);
    FUZZ_CHECK(valid == expected.has_value());
    if (valid) {
        FUZZ_CHECK(shido::core::utf8_length(text) == *expected);
        // Paragraph text allows a subset of what one-line text allows.
        if (shido::core::has_controls_beyond_line_breaks(text))
            FUZZ_CHECK(shido::core::has_control_characters(text));
    }
    return 0;
}
