#pragma once
#include <optional>
#include <string>

#include "core/ids.hpp"
#include "storage/database.hpp"

namespace shido::storage {

// A user's calendar subscription (006_calendar_feeds): at most one per user.
struct StoredCalendarFeed {
    core::Id user_id = 0;
    std::string token_hash;  // SHA-256 of the token in the URL
    core::Timestamp created_at = 0;
    std::optional<core::Timestamp> last_polled_at;
};

class CalendarFeedRepository {
  public:
    explicit CalendarFeedRepository(Connection& c) : c_(c) {}

    std::optional<StoredCalendarFeed> find_by_user(core::Id user_id);
    std::optional<StoredCalendarFeed> find_by_token(const std::string& token_hash);
    // Creates the user's feed or replaces its token (the old one no longer matches).
    void put(const StoredCalendarFeed& feed);
    // False when the user had none.
    bool remove(core::Id user_id);
    void touch(core::Id user_id, core::Timestamp now);

  private:
    Connection& c_;
};

}  // namespace shido::storage
