#pragma once
#include <string>

#include "core/accounts/account_mail.hpp"
#include "core/accounts/user.hpp"
#include "storage/database.hpp"

namespace shido::services {

// Queues one account mail to `to` in the outbox, in the caller's transaction. `link` is an app
// path (/account/setup#token=…) and, being a credential, is marked confidential: the outbox
// page never shows it and it is blanked once sent.
void queue_account_mail(storage::Connection& c, const core::User& to, core::AccountMail kind,
                        const core::AccountMailFacts& facts, const std::string& link,
                        core::Timestamp now);

}  // namespace shido::services
