#include "core/accounts/two_factor.hpp"

#include "core/accounts/totp_window.hpp"

namespace shido::core {

namespace {

// RFC 3986 unreserved characters stay, every other byte is %XX.
std::string percent_encode(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char ch : text) {
        bool unreserved = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
                          (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' || ch == '_' ||
                          ch == '~';
        if (unreserved) {
            out.push_back(static_cast<char>(ch));
        } else {
            out.push_back('%');
            out.push_back(hex[ch >> 4]);
            out.push_back(hex[ch & 0x0f]);
        }
    }
    return out;
}

constexpr std::string_view totp_issuer = "shido";

}  // namespace

TwoFactorState two_factor_state(const User& user) {
    TwoFactorState state;
    state.enabled = user.two_factor_enabled;
    state.required = second_factor_required(user);
    state.enrolment_required = state.required && !state.enabled;
    return state;
}

bool may_disable_second_factor(const User& user) {
    return user.role == Role::company;
}

std::string otpauth_uri(std::string_view base32_secret, std::string_view email) {
    return "otpauth://totp/" + percent_encode(totp_issuer) + ":" + percent_encode(email) +
           "?secret=" + std::string(base32_secret) + "&issuer=" + percent_encode(totp_issuer) +
           "&algorithm=SHA1&digits=" + std::to_string(totp_digits) +
           "&period=" + std::to_string(totp_period_seconds);
}

}  // namespace shido::core
