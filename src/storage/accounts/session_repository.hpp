#pragma once
#include <optional>
#include <string>
#include <vector>

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
    // What the person sees of it (never the token): a random id, the browser, the address.
    std::string public_id;
    std::string user_agent;
    std::string client_address;
};

class SessionRepository {
  public:
    explicit SessionRepository(Connection& c) : c_(c) {}

    void insert(const StoredSession& session);
    std::optional<StoredSession> find(const std::string& token_hash);
    void touch(const std::string& token_hash, core::Timestamp now);
    void remove(const std::string& token_hash);
    void remove_all_for_user_except(core::Id user_id, const std::string& keep_token_hash);
    void remove_all_for_user(core::Id user_id);
    // The user's sessions, most recently seen first (with their token hashes, for "current").
    std::vector<StoredSession> list_for_user(core::Id user_id);
    // True when the user had a session with this public id (another user's id ends nothing).
    bool remove_by_public_id(core::Id user_id, const std::string& public_id);
    void remove_expired(core::Timestamp now, core::Timestamp idle_seconds);

  private:
    Connection& c_;
};

}  // namespace shido::storage
