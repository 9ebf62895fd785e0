#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/course/session_record.hpp"
#include "storage/database.hpp"

namespace shido::storage {

class SessionRecordRepository {
  public:
    explicit SessionRecordRepository(Connection& c) : c_(c) {}

    std::optional<core::SessionRecord> find(core::Id engagement_id, int session_no);
    // Writes the record if it is still at `expected_version` (0: none yet); false otherwise.
    bool save(const core::SessionRecord& record, int expected_version, core::Id by,
              core::Timestamp now);

    void set_held_on(core::Id engagement_id, int session_no,
                     const std::optional<std::string>& held_on);
    // Moves the planned date and bumps the engagement's version, so an edit of the plan made
    // from an older copy is refused instead of putting the old date back.
    void move(core::Id engagement_id, const core::SessionMove& move, core::Id by,
              core::Timestamp now);
    std::vector<core::SessionMove> moves(core::Id engagement_id);

  private:
    Connection& c_;
};

}  // namespace shido::storage
