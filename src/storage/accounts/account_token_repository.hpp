#pragma once
#include <optional>
#include <string>

#include "core/ids.hpp"
#include "storage/database.hpp"

namespace shido::storage {

// A link sent by e-mail (invitation, password reset), by the SHA-256 of its token.
struct AccountToken {
    std::string token_hash;
    core::Id user_id = 0;
    std::string purpose;  // invitation | password_reset
    std::optional<core::Id> created_by;
    core::Timestamp created_at = 0;
    core::Timestamp expires_at = 0;
    std::optional<core::Timestamp> used_at;
};

class AccountTokenRepository {
  public:
    explicit AccountTokenRepository(Connection& c) : c_(c) {}

    void insert(const AccountToken& token);
    std::optional<AccountToken> find(const std::string& token_hash);
    // Single use: true for exactly one caller, and only while the link is unused and valid.
    bool use(const std::string& token_hash, core::Timestamp now);
    // Every unused link of the user (of one purpose, or all when empty) stops working.
    void revoke_open(core::Id user_id, const std::string& purpose, core::Timestamp now);
    void remove_expired(core::Timestamp now);

  private:
    Connection& c_;
};

}  // namespace shido::storage
