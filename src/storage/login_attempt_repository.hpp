#pragma once
#include <string>

#include "core/throttle_policy.hpp"
#include "storage/database.hpp"

namespace shido::storage {

// Failed-login counters, kept in the database so every server process sees the same ones.
class LoginAttemptRepository {
  public:
    explicit LoginAttemptRepository(Connection& c) : c_(c) {}

    core::AttemptState get(const std::string& scope, const std::string& subject);
    void put(const std::string& scope, const std::string& subject, const core::AttemptState& state);
    void clear(const std::string& scope, const std::string& subject);

  private:
    Connection& c_;
};

}  // namespace shido::storage
