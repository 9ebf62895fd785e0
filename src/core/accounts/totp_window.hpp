#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"

namespace shido::core {

// TOTP as shido uses it (RFC 6238): HMAC-SHA-1, 6 digits, 30-second steps counted from the
// Unix epoch. The HMAC itself is computed in services (liboath); the rules are here.
inline constexpr int totp_digits = 6;
inline constexpr Timestamp totp_period_seconds = 30;
// A phone's clock may be a little off and a code typed near the end of its step arrives in the
// next one: the step before and the step after are accepted too.
inline constexpr long long totp_tolerance_steps = 1;

long long totp_step(Timestamp now);

// The steps a code may come from at `now`, oldest first: the current step ± the tolerance.
std::vector<long long> totp_window_steps(Timestamp now);

// The steps whose code is accepted at `now`, oldest first: the current step ± the tolerance,
// leaving out every step up to `last_used_step`, so a code (and any older one) works once.
std::vector<long long> acceptable_totp_steps(Timestamp now, long long last_used_step);

// A code as typed: spaces (apps show "123 456") are ignored; anything but six digits is none.
std::optional<std::string> normalise_totp_code(std::string_view typed);

}  // namespace shido::core
