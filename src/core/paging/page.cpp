#include "core/paging/page.hpp"

#include <array>
#include <charconv>
#include <cstdint>

#include "core/error.hpp"

namespace shido::core {

namespace {

constexpr std::string_view alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
// Separates the parts inside the encoded text; never valid inside UTF-8 text.
constexpr char separator = '\x1f';
constexpr std::size_t max_cursor_chars = 1024;

std::string base64url(std::string_view bytes) {
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (unsigned char ch : bytes) {
        buffer = (buffer << 8) | ch;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += alphabet[(buffer >> bits) & 63];
        }
    }
    if (bits > 0) out += alphabet[(buffer << (6 - bits)) & 63];
    return out;
}

std::optional<std::string> from_base64url(std::string_view text) {
    std::array<int, 256> value{};
    value.fill(-1);
    for (std::size_t i = 0; i < alphabet.size(); ++i)
        value[static_cast<unsigned char>(alphabet[i])] = static_cast<int>(i);
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (unsigned char ch : text) {
        if (value[ch] < 0) return std::nullopt;
        buffer = (buffer << 6) | static_cast<std::uint32_t>(value[ch]);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    return out;
}

}  // namespace

std::string encode_cursor(const std::vector<std::string>& parts) {
    std::string joined;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) joined += separator;
        joined += parts[i];
    }
    return base64url(joined);
}

std::optional<std::vector<std::string>> decode_cursor(std::string_view text, std::size_t parts) {
    if (text.empty() || text.size() > max_cursor_chars) return std::nullopt;
    auto joined = from_base64url(text);
    if (!joined) return std::nullopt;
    std::vector<std::string> out(1);
    for (char ch : *joined) {
        if (ch == separator)
            out.emplace_back();
        else
            out.back() += ch;
    }
    if (out.size() != parts) return std::nullopt;
    return out;
}

namespace {
[[noreturn]] void throw_bad_cursor() {
    throw DomainError(ErrorCode::validation, "ページの指定が正しくありません。",
                      {{"after", "一覧を最初から読み込み直してください。"}});
}
}  // namespace

std::vector<std::string> cursor_parts(const std::string& after, std::size_t parts) {
    auto decoded = decode_cursor(after, parts);
    if (!decoded) throw_bad_cursor();
    return *decoded;
}

long long cursor_id(const std::string& part) {
    long long id = 0;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), id);
    if (ec != std::errc() || end != part.data() + part.size() || id <= 0) throw_bad_cursor();
    return id;
}

}  // namespace shido::core
