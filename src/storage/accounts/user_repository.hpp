#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/accounts/user.hpp"
#include "core/paging/page.hpp"
#include "storage/database.hpp"

namespace shido::storage {

struct UserWithHash {
    core::User user;
    std::string password_hash;
};

struct UserQuery {
    std::optional<core::Role> role;
    std::string name_or_email_contains;
    core::PageRequest page;
};

class UserRepository {
  public:
    explicit UserRepository(Connection& c) : c_(c) {}

    core::Id insert(const core::User& user, const std::string& password_hash, core::Timestamp now);
    std::optional<core::User> find(core::Id id);
    std::optional<UserWithHash> find_by_email(const std::string& email);
    std::optional<std::string> password_hash(core::Id id);
    void set_password_hash(core::Id id, const std::string& hash, core::Timestamp now);
    core::Page<core::User> page(const UserQuery& query);  // by role, name, id
    bool email_taken(const std::string& email);
    // A disabled member invited again: enabled, without a password, with the new name and role.
    void reinvite(const core::User& user, core::Timestamp now);
    void set_active(core::Id id, bool active, core::Timestamp now);
    // The company's enabled accounts (owners first, then by name).
    std::vector<core::User> of_company(core::Id company_id);

  private:
    Connection& c_;
};

}  // namespace shido::storage
