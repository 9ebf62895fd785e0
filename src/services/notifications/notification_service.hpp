#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/paging/page.hpp"
#include "services/context.hpp"
#include "storage/notifications/notification_repository.hpp"
#include "storage/notifications/outbox_repository.hpp"

namespace shido::services {

struct NotificationFilter {
    bool unread_only = false;
    core::PageRequest page;
};

// The actor's own notifications: nobody reads or marks another user's.
class NotificationService {
  public:
    explicit NotificationService(ServiceEnv env) : env_(env) {}

    core::Page<storage::NotificationRow> list(const RequestContext& ctx,
                                              const NotificationFilter& filter);
    long long unread_count(const RequestContext& ctx);
    // Marks the given notifications read; not_found when one of them is not the actor's.
    // Returns the unread count after.
    long long mark_read(const RequestContext& ctx, const std::vector<core::Id>& ids);
    long long mark_all_read(const RequestContext& ctx);

  private:
    ServiceEnv env_;
};

struct OutboxFilter {
    std::optional<std::string> status;  // core::OutboxStatus key
    core::PageRequest page;
};

// 送信待ちメール: the secretariat reads the outbox (all of it when no SMTP server is
// configured) and re-queues what failed.
class OutboxService {
  public:
    explicit OutboxService(ServiceEnv env) : env_(env) {}

    core::Page<storage::OutboxRow> list(const RequestContext& ctx, const OutboxFilter& filter);
    // A failed message back to queued, due now, attempts from zero; audited. conflict when
    // the message is not failed.
    storage::OutboxRow retry(const RequestContext& ctx, core::Id id);

  private:
    ServiceEnv env_;
};

nlohmann::json to_json(const storage::NotificationRow& row);
nlohmann::json to_json(const storage::OutboxRow& row);
// What the audit log keeps of an outbox message: its state, not its text.
nlohmann::json snapshot(const storage::OutboxRow& row);

}  // namespace shido::services
