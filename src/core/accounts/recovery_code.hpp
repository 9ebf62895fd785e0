#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace shido::core {

// Recovery codes: ten per person, each single use, shown once and stored only as a hash.
// A code is `xxxx-xxxx` in lowercase letters and digits without the ones people confuse when
// copying from paper (0/o, 1/l/i): 31 symbols, about 40 bits per code.
inline constexpr int recovery_code_count = 10;
inline constexpr std::string_view recovery_code_alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
inline constexpr std::size_t recovery_code_symbols = 8;

// Eight symbols of the alphabet → "abcd-efgh". Throws std::invalid_argument for anything else.
std::string format_recovery_code(std::string_view symbols);

// A code as typed (any case, with or without the hyphen, spaces around): its canonical form,
// the one that is hashed; nullopt when it cannot be a recovery code.
std::optional<std::string> normalise_recovery_code(std::string_view typed);

}  // namespace shido::core
