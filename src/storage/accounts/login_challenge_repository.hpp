#pragma once
#include <optional>
#include <string>

#include "core/ids.hpp"
#include "storage/database.hpp"

namespace shido::storage {

// Between the right password and the second factor. Only the token's hash is stored.
struct StoredLoginChallenge {
    std::string token_hash;
    core::Id user_id = 0;
    std::string client_address;
    std::string user_agent;
    int failures = 0;
    core::Timestamp expires_at = 0;
};

class LoginChallengeRepository {
  public:
    explicit LoginChallengeRepository(Connection& c) : c_(c) {}

    void insert(const StoredLoginChallenge& challenge);
    std::optional<StoredLoginChallenge> find(const std::string& token_hash);
    // Counts an attempt before its code is checked, in one UPDATE: true while the challenge is
    // alive and had fewer than `max_attempts`, so parallel guesses cannot exceed the limit.
    bool reserve_attempt(const std::string& token_hash, int max_attempts, core::Timestamp now);
    void remove(const std::string& token_hash);
    void remove_for_user(core::Id user_id);
    void remove_expired(core::Timestamp now);

  private:
    Connection& c_;
};

}  // namespace shido::storage
