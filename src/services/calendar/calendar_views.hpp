#pragma once
#include <nlohmann/json.hpp>

#include "services/calendar/calendar_service.hpp"
#include "storage/calendar/calendar_feed_repository.hpp"

namespace shido::services {

// The API's CalendarFeed and IssuedCalendarFeed.
nlohmann::json to_json(const CalendarFeedStatus& status);
nlohmann::json to_json(const IssuedCalendarFeed& issued);
// The audit snapshot: whose feed and since when; never the token's hash.
nlohmann::json snapshot(const storage::StoredCalendarFeed& feed);

}  // namespace shido::services
