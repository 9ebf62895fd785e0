#pragma once
#include <string>
#include <string_view>

namespace shido::services {

// libsodium wrappers. Call init_crypto() once before anything else.
void init_crypto();

std::string random_token(std::size_t bytes);  // URL-safe base64, no padding
std::string random_hex(std::size_t bytes);    // lowercase hex, two characters a byte
std::string sha256_hex(std::string_view data);
bool constant_time_equal(std::string_view a, std::string_view b);

// argon2id with libsodium's INTERACTIVE limits (~64 ms here). The number of hashes running
// at once is capped at the number of cores, so login floods queue instead of starving
// every other request.
std::string hash_password(std::string_view password);
bool verify_password(std::string_view password, const std::string& stored_hash);

}  // namespace shido::services
