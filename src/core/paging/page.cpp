#include "core/paging/page.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>

#include "core/error.hpp"

namespace shido::core {

namespace {

constexpr std::string_view alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
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

// Each part is written as "<length>:<bytes>", so parts may hold any byte, empty ones included.
std::string encode_cursor(const std::vector<std::string>& parts) {
    std::string joined;
    for (const auto& part : parts) joined += std::to_string(part.size()) + ":" + part;
    return base64url(joined);
}

std::optional<std::vector<std::string>> decode_cursor(std::string_view text, std::size_t parts) {
    if (text.empty() || text.size() > max_cursor_chars) return std::nullopt;
    auto joined = from_base64url(text);
    if (!joined) return std::nullopt;
    std::string_view rest = *joined;
    std::vector<std::string> out;
    while (!rest.empty()) {
        std::size_t length = 0;
        auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), length);
        auto digits = static_cast<std::size_t>(end - rest.data());
        if (ec != std::errc() || digits == 0 || digits >= rest.size() || rest[digits] != ':')
            return std::nullopt;
        rest.remove_prefix(digits + 1);
        if (length > rest.size()) return std::nullopt;
        out.emplace_back(rest.substr(0, length));
        rest.remove_prefix(length);
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

int page_size(const PageRequest& page) {
    return std::clamp(page.limit, 1, max_page_size);
}

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
