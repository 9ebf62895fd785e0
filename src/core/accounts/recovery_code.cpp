#include "core/accounts/recovery_code.hpp"

#include <stdexcept>

namespace shido::core {

namespace {
bool is_recovery_symbol(char ch) {
    return recovery_code_alphabet.find(ch) != std::string_view::npos;
}
}  // namespace

std::string format_recovery_code(std::string_view symbols) {
    if (symbols.size() != recovery_code_symbols)
        throw std::invalid_argument("a recovery code has eight symbols");
    for (char ch : symbols)
        if (!is_recovery_symbol(ch)) throw std::invalid_argument("not a recovery code symbol");
    const auto half = recovery_code_symbols / 2;
    return std::string(symbols.substr(0, half)) + "-" + std::string(symbols.substr(half));
}

std::optional<std::string> normalise_recovery_code(std::string_view typed) {
    if (typed.size() > 64) return std::nullopt;
    std::string symbols;
    for (char ch : typed) {
        if (ch == ' ' || ch == '-') continue;
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        if (!is_recovery_symbol(ch)) return std::nullopt;
        symbols.push_back(ch);
    }
    if (symbols.size() != recovery_code_symbols) return std::nullopt;
    return format_recovery_code(symbols);
}

}  // namespace shido::core
