#pragma once
#include <string>

#include "core/ids.hpp"

namespace shido::core {

// E-mails about a person's own account. Their links carry a credential, so they never become
// in-app notifications and the outbox page does not show their links.
enum class AccountMail {
    invitation,          // set your own password (a new account)
    password_reset,      // a reset was asked for this address
    password_changed,    // the password was set or reset: if it was not you, tell the secretariat
    two_factor_reset,    // the secretariat removed your second factor
    recovery_code_used,  // a sign-in used one of your recovery codes: how many are left
};

struct AccountMailFacts {
    std::string name;        // the person's
    std::string invited_by;  // invitation: who invited (a name), may be empty
    Timestamp expires_at = 0;
    int recovery_codes_left = 0;  // recovery_code_used
};

struct AccountMailText {
    std::string subject;
    std::string body;
};

// Pure: the Japanese subject and body of one account mail. The link follows the body.
AccountMailText compose_account_mail(AccountMail kind, const AccountMailFacts& facts);

}  // namespace shido::core
