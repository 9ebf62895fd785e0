#pragma once
#include <optional>
#include <string>

#include "core/accounts/user.hpp"
#include "storage/database.hpp"

namespace shido::storage {

struct StoredSession {
    std::string token_hash;
    core::Id user_id = 0;
    std::string csrf_token;
    core::Timestamp created_at = 0;
    core::Timestamp last_seen_at = 0;
    core::Timestamp expires_at = 0;
};

class SessionRepository {
  public:
    explicit SessionRepository(Connection& c) : c_(c) {}

    void insert(const StoredSession& session);
    std::optional<StoredSession> find(const std::string& token_hash);
    void touch(const std::string& token_hash, core::Timestamp now);
    void remove(const std::string& token_hash);
    void remove_all_for_user_except(core::Id user_id, const std::string& keep_token_hash);
    void remove_expired(core::Timestamp now, core::Timestamp idle_seconds);

  private:
    Connection& c_;
};

}  // namespace shido::storage
