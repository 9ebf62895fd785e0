#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/ids.hpp"
#include "storage/database.hpp"

namespace shido::storage {

// A person's TOTP secret (base32). Pending until the first code confirms it.
struct StoredTwoFactorSecret {
    core::Id user_id = 0;
    std::string secret;
    core::Timestamp created_at = 0;
    std::optional<core::Timestamp> confirmed_at;
    long long last_step = 0;  // the time step of the last code accepted
};

class TwoFactorSecretRepository {
  public:
    explicit TwoFactorSecretRepository(Connection& c) : c_(c) {}

    std::optional<StoredTwoFactorSecret> find(core::Id user_id);
    // A new pending secret, replacing a pending one; false (nothing changed) while a confirmed
    // one exists.
    bool put_pending(core::Id user_id, const std::string& secret, core::Timestamp now);
    // Marks the pending secret confirmed by the code of `step`; false when there is none.
    bool confirm(core::Id user_id, long long step, core::Timestamp now);
    // Takes the code of `step` for a confirmed secret: one UPDATE whose WHERE asks for a later
    // step than the last one, so two requests with the same code cannot both succeed.
    bool use_step(core::Id user_id, long long step);
    bool remove(core::Id user_id);
    // The stored value of every secret (one row a person: a small table), to check and seal
    // them at start; and the replacement of one stored value, only while it is still `old` (a
    // new enrolment on another server meanwhile wins).
    std::vector<std::pair<core::Id, std::string>> all_values();
    bool replace_value(core::Id user_id, const std::string& old, const std::string& value);

  private:
    Connection& c_;
};

// users.second_factor_exempt: set for demo accounts only (`shido demo`).
void set_second_factor_exempt(Connection& c, core::Id user_id, bool exempt);
// True when an active account may sign in without its second factor: the login page of a
// demo says so.
bool any_active_exempt_user(Connection& c);

}  // namespace shido::storage
