#include "core/accounts/password_rule.hpp"

#include <algorithm>
#include <cctype>

#include "core/text/utf8.hpp"

namespace shido::core {

namespace {

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool one_character_repeated(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [&](char c) { return c == text.front(); });
}

}  // namespace

std::optional<std::string> password_problem(const PasswordRule& rule, std::string_view password,
                                            std::string_view email) {
    std::size_t length = utf8_length(password);
    if (length < rule.min_chars)
        return "パスワードは" + std::to_string(rule.min_chars) + "文字以上にしてください。";
    if (length > rule.max_chars) return std::string("パスワードが長すぎます。");
    if (one_character_repeated(password))
        return std::string("同じ文字の繰り返しはパスワードに使えません。");
    auto lowered = lower_ascii(password);
    if (std::binary_search(rule.common.begin(), rule.common.end(), lowered))
        return std::string(
            "よく使われていて推測されやすいパスワードです。別のパスワードにしてください。");
    auto address = lower_ascii(email);
    auto local = address.substr(0, address.find('@'));
    if (!address.empty() && (lowered == address || lowered == local))
        return std::string("メールアドレスをパスワードに使うことはできません。");
    return std::nullopt;
}

}  // namespace shido::core
