#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shido::core {

// What a password a person chooses must satisfy. The list of common passwords is content
// (content/accounts/passwords.json), so it can grow without a release.
struct PasswordRule {
    std::size_t min_chars = 10;
    std::size_t max_chars = 200;
    std::vector<std::string> common;  // lower case, sorted (the loader sorts it)
};

// The first thing wrong with `password` for the account of `email`, in Japanese, or nullopt
// when it may be used: too short or too long, one character repeated, a common password, or
// the e-mail address (or its local part) itself. Case is ignored in the comparisons.
std::optional<std::string> password_problem(const PasswordRule& rule, std::string_view password,
                                            std::string_view email);

}  // namespace shido::core
