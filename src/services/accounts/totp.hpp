#pragma once
#include <string>
#include <string_view>

namespace shido::services {

// TOTP codes (RFC 6238, HMAC-SHA-1) computed by liboath. Which steps count is core's rule
// (core/accounts/totp_window.hpp); here only the arithmetic.

// The code of time step `step` (Unix time / 30) for the raw secret bytes, `digits` long with
// leading zeros.
std::string totp_code(std::string_view secret, long long step, int digits = 6);

// A new secret for an authenticator app: 160 random bits (RFC 4226's recommended length),
// base32 without padding, as the app's "enter a key" field takes it.
std::string new_totp_secret();

// The raw bytes of a base32 secret (std::invalid_argument when it is not base32).
std::string decode_base32(std::string_view text);
std::string encode_base32(std::string_view bytes);

}  // namespace shido::services
