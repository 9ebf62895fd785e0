#include "services/calendar/calendar_views.hpp"

#include "core/clock.hpp"

namespace shido::services {

namespace {
nlohmann::json time_or_null(const std::optional<core::Timestamp>& t) {
    return t ? nlohmann::json(core::format_iso8601(*t)) : nlohmann::json(nullptr);
}
}  // namespace

nlohmann::json to_json(const CalendarFeedStatus& status) {
    return {{"active", status.active},
            {"created_at", time_or_null(status.created_at)},
            {"last_polled_at", time_or_null(status.last_polled_at)}};
}

nlohmann::json to_json(const IssuedCalendarFeed& issued) {
    return {{"active", true},
            {"created_at", core::format_iso8601(issued.created_at)},
            {"last_polled_at", nullptr},
            {"url", issued.url}};
}

nlohmann::json snapshot(const storage::StoredCalendarFeed& feed) {
    return {{"user_id", feed.user_id}, {"created_at", core::format_iso8601(feed.created_at)}};
}

}  // namespace shido::services
