#include "core/validation.hpp"

#include <cctype>
#include <cstdio>

#include "core/error.hpp"

namespace shido::core {

namespace {

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

}  // namespace

std::string_view trim_spaces(std::string_view text) {
    constexpr std::string_view ideographic_space = "\u3000";
    for (bool trimmed = true; trimmed && !text.empty();) {
        trimmed = false;
        if (text.front() == ' ' || text.front() == '\t') {
            text.remove_prefix(1);
            trimmed = true;
        } else if (text.starts_with(ideographic_space)) {
            text.remove_prefix(ideographic_space.size());
            trimmed = true;
        }
        if (text.empty()) break;
        if (text.back() == ' ' || text.back() == '\t') {
            text.remove_suffix(1);
            trimmed = true;
        } else if (text.ends_with(ideographic_space)) {
            text.remove_suffix(ideographic_space.size());
            trimmed = true;
        }
    }
    return text;
}

bool is_valid_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9') return false;
    }
    int year = std::stoi(std::string(text.substr(0, 4)));
    int month = std::stoi(std::string(text.substr(5, 2)));
    int day = std::stoi(std::string(text.substr(8, 2)));
    return year >= 2000 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 &&
           day <= days_in_month(year, month);
}

bool is_valid_time_of_day(std::string_view text) {
    auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    if (text.size() != 5 || text[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4))
        return false;
    int hours = (text[0] - '0') * 10 + (text[1] - '0');
    int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    return hours < 24 && minutes < 60;
}

void Validator::fail(const std::string& field, std::string message) {
    errors_.try_emplace(field, std::move(message));
}

void Validator::optional_text(const std::string& field, std::string_view value,
                              std::size_t max_chars) {
    if (!is_valid_utf8(value)) return fail(field, "文字コードが正しくありません（UTF-8）。");
    if (has_control_characters(value)) return fail(field, "使用できない制御文字が含まれています。");
    if (utf8_length(value) > max_chars)
        fail(field, std::to_string(max_chars) + "文字以内で入力してください。");
}

void Validator::optional_paragraphs(const std::string& field, std::string_view value,
                                    std::size_t max_chars) {
    if (!is_valid_utf8(value)) return fail(field, "文字コードが正しくありません（UTF-8）。");
    if (has_controls_beyond_line_breaks(value))
        return fail(field, "使用できない制御文字が含まれています。");
    if (utf8_length(value) > max_chars)
        fail(field, std::to_string(max_chars) + "文字以内で入力してください。");
}

void Validator::require_text(const std::string& field, std::string_view value,
                             std::size_t max_chars) {
    if (trim_spaces(value).empty()) return fail(field, "入力してください。");
    optional_text(field, value, max_chars);
}

void Validator::email(const std::string& field, std::string_view value) {
    auto at = value.find('@');
    bool shaped = at != std::string_view::npos && at > 0 && at + 1 < value.size() &&
                  value.find('.', at) != std::string_view::npos &&
                  value.find_first_of(" \t\r\n<>\"'") == std::string_view::npos &&
                  value.find('@', at + 1) == std::string_view::npos;
    if (value.empty()) return fail(field, "メールアドレスを入力してください。");
    if (value.size() > 254 || !shaped) fail(field, "メールアドレスの形式が正しくありません。");
}

void Validator::password(const std::string& field, std::string_view value) {
    if (utf8_length(value) < min_password_chars)
        return fail(field, "パスワードは" + std::to_string(min_password_chars) +
                               "文字以上にしてください。");
    if (utf8_length(value) > max_password_chars) fail(field, "パスワードが長すぎます。");
}

void Validator::date(const std::string& field, std::string_view value) {
    if (!is_valid_date(value))
        fail(field, "日付はYYYY-MM-DDの形式で、正しい日付を入力してください。");
}

void Validator::time_of_day(const std::string& field, std::string_view value) {
    if (!is_valid_time_of_day(value))
        fail(field, "時刻はHH:MMの形式（例 13:30）で入力してください。");
}

void Validator::url(const std::string& field, std::string_view value) {
    if (value.empty()) return;
    optional_text(field, value, max_text_chars);
    // The scheme is case-insensitive (RFC 3986): "HTTPS://" is a web address too.
    auto starts_with_scheme = [value](std::string_view scheme) {
        if (value.size() <= scheme.size()) return false;
        for (std::size_t i = 0; i < scheme.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(value[i])) != scheme[i]) return false;
        return true;
    };
    if (!starts_with_scheme("https://") && !starts_with_scheme("http://"))
        fail(field, "URLは http:// または https:// で始めてください。");
    else if (value.find_first_of(" \t\r\n") != std::string_view::npos)
        fail(field, "URLに空白は使えません。");
}

void Validator::int_range(const std::string& field, long long value, long long min, long long max) {
    if (value < min || value > max)
        fail(field,
             std::to_string(min) + "から" + std::to_string(max) + "の範囲で入力してください。");
}

void Validator::throw_if_failed() const {
    if (ok()) return;
    throw DomainError(ErrorCode::validation, "入力内容に誤りがあります。", errors_);
}

std::optional<std::string> text_problem(std::string_view value, std::size_t max_chars,
                                        bool paragraphs) {
    if (!is_valid_utf8(value)) return "文字コードが正しくありません（UTF-8）。";
    if (paragraphs ? has_controls_beyond_line_breaks(value) : has_control_characters(value))
        return "使用できない制御文字が含まれています。";
    if (utf8_length(value) > max_chars)
        return std::to_string(max_chars) + "文字以内で入力してください。";
    return std::nullopt;
}

}  // namespace shido::core
