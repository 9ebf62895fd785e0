#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/paging/page.hpp"
#include "storage/database.hpp"

namespace shido::storage {

struct OutboxRow {
    core::Id id = 0;
    std::optional<core::Id> notification_id;
    std::optional<core::Id> recipient_id;
    std::string recipient_address, subject, body, link, message_id;
    std::string status = "queued";
    int attempts = 0;
    core::Timestamp next_attempt_at = 0;
    std::optional<std::string> last_error, claimed_by;
    std::optional<core::Timestamp> claimed_until, sent_at;
    core::Timestamp created_at = 0;
    // The link is a credential (invitation, password reset): never shown, blanked once sent.
    bool confidential = false;
};

struct OutboxQuery {
    std::optional<std::string> status;
    core::PageRequest page;  // newest first
};

class OutboxRepository {
  public:
    explicit OutboxRepository(Connection& c) : c_(c) {}

    core::Id insert(const OutboxRow& row);
    std::optional<OutboxRow> find(core::Id id);
    core::Page<OutboxRow> page(const OutboxQuery& query);

    // Ids of rows due at `now`: queued with next_attempt_at reached, or sending with a claim
    // that ran out (its server died mid-send). Oldest due first.
    std::vector<core::Id> due(core::Timestamp now, int limit);
    // Takes one due row for `worker` until `claim_until` and counts the attempt. One UPDATE
    // with the due condition in its WHERE: of two servers, exactly one gets the row.
    bool claim(core::Id id, const std::string& worker, core::Timestamp now,
               core::Timestamp claim_until);
    // The outcome of a claimed attempt; false when the claim was lost meanwhile.
    bool mark_sent(core::Id id, const std::string& worker, core::Timestamp now);
    bool mark_failed_attempt(core::Id id, const std::string& worker, const std::string& error,
                             std::optional<core::Timestamp> next_attempt_at);
    // A failed row back to queued, due now, attempts from zero. False unless it was failed.
    bool requeue(core::Id id, core::Timestamp now);

  private:
    Connection& c_;
};

}  // namespace shido::storage
