#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/accounts/throttle_policy.hpp"
#include "core/ids.hpp"
#include "storage/database.hpp"

namespace shido::services {

// The second factor's checks, shared by the login and the own-account use cases. They run on
// the caller's connection, in the caller's transaction.

enum class CodeCheck {
    accepted,
    wrong,         // not the code of any step in the window (or no confirmed secret)
    already_used,  // the code of a step already used: a code works once
};

// A pending secret (enrolment) or a confirmed one: which step of the window `typed` is the code
// of. A code of a step up to `last_step` is already_used.
struct TotpMatch {
    CodeCheck check = CodeCheck::wrong;
    long long step = 0;
};
TotpMatch match_totp(const std::string& base32_secret, const std::string& typed,
                     long long last_step, core::Timestamp now);

// The code of the user's confirmed secret, taken (its step recorded) when right.
CodeCheck accept_totp(storage::Connection& c, const std::string& totp_key, core::Id user_id,
                      const std::string& typed, core::Timestamp now);
// One of the user's unused recovery codes, used up when right.
bool accept_recovery_code(storage::Connection& c, core::Id user_id, const std::string& typed,
                          core::Timestamp now);
// Ten new recovery codes replace the old ones; the plain codes are returned to be shown once.
std::vector<std::string> issue_recovery_codes(storage::Connection& c, core::Id user_id);

// Wrong codes per account, counted before the code is checked (each in its own transaction,
// so a throw afterwards does not undo the count): throws too_many_requests at the limit.
void reserve_second_factor_attempt(storage::Database& db, const core::ThrottlePolicy& policy,
                                   core::Id user_id, core::Timestamp now);
// A right code gives back the attempt it reserved.
void release_second_factor_attempt(storage::Database& db, core::Id user_id);

}  // namespace shido::services
