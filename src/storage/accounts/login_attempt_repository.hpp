#pragma once
#include <string>

#include "core/accounts/throttle_policy.hpp"
#include "storage/database.hpp"

namespace shido::storage {

// Failed-login counters, kept in the database so every server process sees the same ones.
class LoginAttemptRepository {
  public:
    explicit LoginAttemptRepository(Connection& c) : c_(c) {}

    // Serialises read-modify-write of one counter until the transaction ends: an advisory lock
    // on PostgreSQL; on SQLite the BEGIN IMMEDIATE transaction already serialises writers.
    void lock(const std::string& scope, const std::string& subject);
    core::AttemptState get(const std::string& scope, const std::string& subject);
    void put(const std::string& scope, const std::string& subject, const core::AttemptState& state);
    void clear(const std::string& scope, const std::string& subject);

  private:
    Connection& c_;
};

}  // namespace shido::storage
