#pragma once
#include "core/course/confirmations.hpp"
#include "storage/database.hpp"

namespace shido::storage {

class ConfirmationRepository {
  public:
    explicit ConfirmationRepository(Connection& c) : c_(c) {}

    // Always an answer: version 0 and empty fields when nothing was confirmed yet.
    core::Confirmations find(core::Id engagement_id);
    // Participants, room, projector, web meeting and special request, stamped with who and
    // when; false if someone saved since `expected_version` was read.
    bool save_arrangements(const core::Confirmations& c, int expected_version, core::Id by,
                           core::Timestamp now);
    bool acknowledge_information_handling(core::Id engagement_id, int statement_version,
                                          int expected_version, core::Id by, core::Timestamp now);

  private:
    bool ensure_row(core::Id engagement_id, int expected_version);
    Connection& c_;
};

}  // namespace shido::storage
