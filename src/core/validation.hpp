#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/text/utf8.hpp"

namespace shido::core {

// Collects every problem of one request, so a person sees all of them at once.
class Validator {
  public:
    void require_text(const std::string& field, std::string_view value, std::size_t max_chars);
    void optional_text(const std::string& field, std::string_view value, std::size_t max_chars);
    // Text of several lines (a textarea): line breaks and tabs allowed, other controls not.
    void optional_paragraphs(const std::string& field, std::string_view value,
                             std::size_t max_chars);
    void email(const std::string& field, std::string_view value);
    void password(const std::string& field, std::string_view value);
    void date(const std::string& field, std::string_view value);
    void time_of_day(const std::string& field, std::string_view value);  // HH:MM, 00:00–23:59
    void url(const std::string& field, std::string_view value);
    void int_range(const std::string& field, long long value, long long min, long long max);
    void fail(const std::string& field, std::string message);

    bool ok() const { return errors_.empty(); }
    // Throws DomainError(validation) with every field error when something failed.
    void throw_if_failed() const;

  private:
    std::map<std::string, std::string> errors_;
};

// Without leading and trailing spaces, tabs and full-width spaces (U+3000), which Japanese
// input methods produce; multi-byte characters are never cut.
std::string_view trim_spaces(std::string_view text);
bool is_valid_date(std::string_view text);
bool is_valid_time_of_day(std::string_view text);  // HH:MM  // YYYY-MM-DD, a real calendar date

// The problem of one text field, in Japanese, or nullopt: the same rules for a form and an
// imported file (valid UTF-8, no control characters beyond line breaks in paragraphs, length).
std::optional<std::string> text_problem(std::string_view value, std::size_t max_chars,
                                        bool paragraphs);

inline constexpr std::size_t max_name_chars = 100;
inline constexpr std::size_t max_text_chars = 200;
inline constexpr std::size_t min_password_chars = 10;
inline constexpr std::size_t max_password_chars = 200;

}  // namespace shido::core
