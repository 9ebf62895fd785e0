#pragma once
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "storage/database.hpp"

namespace shido::storage {

// The SHA-256 hashes of a person's recovery codes; a used code keeps its row (used_at).
class RecoveryCodeRepository {
  public:
    explicit RecoveryCodeRepository(Connection& c) : c_(c) {}

    // The old codes, used or not, are gone.
    void replace(core::Id user_id, const std::vector<std::string>& code_hashes);
    // One UPDATE that only an unused code matches: a code works once even under races.
    bool use(core::Id user_id, const std::string& code_hash, core::Timestamp now);
    int unused(core::Id user_id);
    void remove_all(core::Id user_id);

  private:
    Connection& c_;
};

}  // namespace shido::storage
