#include "services/accounts/totp.hpp"

#include <liboath/oath.h>
#include <sodium.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace shido::services {

namespace {

constexpr unsigned totp_period = 30;

void ensure_oath() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (oath_init() != OATH_OK) throw std::runtime_error("liboath could not be initialised");
    });
}

struct FreeOath {
    void operator()(char* p) const { std::free(p); }
};

}  // namespace

std::string totp_code(std::string_view secret, long long step, int digits) {
    ensure_oath();
    if (digits < 6 || digits > 8) throw std::invalid_argument("TOTP codes have 6 to 8 digits");
    char out[16] = {};
    auto at = static_cast<time_t>(step * static_cast<long long>(totp_period));
    int rc = oath_totp_generate(secret.data(), secret.size(), at, totp_period, 0,
                                static_cast<unsigned>(digits), out);
    if (rc != OATH_OK) throw std::runtime_error(std::string("TOTP: ") + oath_strerror(rc));
    return out;
}

std::string encode_base32(std::string_view bytes) {
    ensure_oath();
    char* out = nullptr;
    size_t length = 0;
    int rc = oath_base32_encode(bytes.data(), bytes.size(), &out, &length);
    std::unique_ptr<char, FreeOath> owned(out);
    if (rc != OATH_OK) throw std::runtime_error(std::string("base32: ") + oath_strerror(rc));
    std::string text(out, length);
    // Authenticator apps want the key without the '=' padding.
    text.erase(text.find_last_not_of('=') + 1);
    return text;
}

std::string decode_base32(std::string_view text) {
    ensure_oath();
    char* out = nullptr;
    size_t length = 0;
    int rc = oath_base32_decode(text.data(), text.size(), &out, &length);
    std::unique_ptr<char, FreeOath> owned(out);
    if (rc != OATH_OK) throw std::invalid_argument("not a base32 secret");
    return std::string(out, length);
}

std::string new_totp_secret() {
    std::vector<unsigned char> raw(20);
    randombytes_buf(raw.data(), raw.size());
    std::string bytes(raw.begin(), raw.end());
    sodium_memzero(raw.data(), raw.size());
    return encode_base32(bytes);
}

}  // namespace shido::services
