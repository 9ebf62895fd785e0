#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/accounts/user.hpp"
#include "storage/database.hpp"

namespace shido::storage {

struct UserWithHash {
    core::User user;
    std::string password_hash;
};

class UserRepository {
  public:
    explicit UserRepository(Connection& c) : c_(c) {}

    core::Id insert(const core::User& user, const std::string& password_hash, core::Timestamp now);
    std::optional<core::User> find(core::Id id);
    std::optional<UserWithHash> find_by_email(const std::string& email);
    std::optional<std::string> password_hash(core::Id id);
    void set_password_hash(core::Id id, const std::string& hash, core::Timestamp now);
    std::vector<core::User> list(std::optional<core::Role> role);
    bool email_taken(const std::string& email);

  private:
    Connection& c_;
};

}  // namespace shido::storage
