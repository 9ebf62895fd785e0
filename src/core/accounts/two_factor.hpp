#pragma once
#include <string>
#include <string_view>

#include "core/accounts/user.hpp"

namespace shido::core {

// Where a person's second factor stands, as a session shows it.
struct TwoFactorState {
    bool enabled = false;
    bool required = false;
    // Required and not yet enabled: until the person enrols, the session opens nothing but
    // the enrolment, the sessions list and sign-out (the dispatcher's gate).
    bool enrolment_required = false;
};
TwoFactorState two_factor_state(const User& user);

// Company members may turn their second factor off; the secretariat and experts keep theirs.
bool may_disable_second_factor(const User& user);

// The otpauth:// URI authenticator apps read from the enrolment QR code (Google's Key URI
// format): issuer "shido", the e-mail as the account name, SHA-1, 6 digits, 30 s.
std::string otpauth_uri(std::string_view base32_secret, std::string_view email);

}  // namespace shido::core
