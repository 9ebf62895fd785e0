#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/paging/page.hpp"
#include "storage/database.hpp"

namespace shido::storage {

struct NotificationRow {
    core::Id id = 0;
    core::Id recipient_id = 0;
    std::string kind;
    std::optional<core::Id> engagement_id;
    std::string title, body, link, dedupe_key;
    core::Timestamp created_at = 0;
    std::optional<core::Timestamp> read_at;
};

struct NotificationQuery {
    core::Id recipient_id = 0;
    bool unread_only = false;
    core::PageRequest page;  // newest first
};

// A notified user's address and whether the account may still receive mail.
struct Recipient {
    core::Id id = 0;
    std::string email;
    bool active = false;
};

class NotificationRepository {
  public:
    explicit NotificationRepository(Connection& c) : c_(c) {}

    // The new row's id, or nothing when the recipient already has one with this dedupe key.
    std::optional<core::Id> insert(const NotificationRow& row);
    core::Page<NotificationRow> page(const NotificationQuery& query);
    long long unread_count(core::Id recipient_id);
    // The ones of `ids` that belong to `recipient_id`.
    std::vector<core::Id> owned(core::Id recipient_id, const std::vector<core::Id>& ids);
    void mark_read(core::Id recipient_id, const std::vector<core::Id>& ids, core::Timestamp now);
    void mark_all_read(core::Id recipient_id, core::Timestamp now);

    std::optional<Recipient> recipient(core::Id user_id);
    // Recipients by what they are to an engagement: every active secretariat user, the
    // active users of a company.
    std::vector<core::Id> secretariat_ids();
    std::vector<core::Id> company_user_ids(core::Id company_id);

  private:
    Connection& c_;
};

// A planned session of an engagement that is planned or in progress, with who to tell.
struct PlannedSession {
    core::Id engagement_id = 0;
    core::Id company_id = 0;
    std::string company_name;
    std::optional<core::Id> expert_id;
    int session_no = 0;
    std::string planned_date;
    std::optional<std::string> start_time, end_time, mode, place, meeting_tool;
};

// The sessions planned on `date` (YYYY-MM-DD) of engagements not completed or cancelled.
std::vector<PlannedSession> sessions_on(Connection& c, const std::string& date);

}  // namespace shido::storage
