#pragma once
#include <optional>
#include <string>

#include "core/calendar/calendar_event.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"

namespace shido::services {

// The .ics of one session: the calendar and the name to download it under.
struct SessionCalendar {
    core::CalendarDocument calendar;
    std::string file_name;  // 株式会社サンプル製作所_第1回_2026-12-03.ics
};

// Whether the user has a subscription URL (the URL itself is shown only when issued).
struct CalendarFeedStatus {
    bool active = false;
    std::optional<core::Timestamp> created_at;
    std::optional<core::Timestamp> last_polled_at;
};

struct IssuedCalendarFeed {
    std::string url;  // holds the token: shown once, stored only as its SHA-256
    core::Timestamp created_at = 0;
};

struct CalendarLimits {
    // A feed holds the sessions from this many days ago on, of at most this many engagements
    // (newest first), read a page at a time.
    int past_days = 365;
    int max_engagements = 2000;
    int page_size = 200;
    // last_polled_at is written at most this often, so polls do not each cost a write.
    core::Timestamp poll_write_interval = 60;
};

// Calendars of the sessions: one session's .ics, and a private subscription URL per user that
// calendar programs poll. Times are Japan time (Asia/Tokyo); sessions without a date are left
// out; a feed holds exactly what its user may view now (core::visible_scope, read at every
// poll), so an expert reassigned away loses the engagement's sessions at the next poll.
class CalendarService {
  public:
    explicit CalendarService(ServiceEnv env, CalendarLimits limits = {})
        : env_(env), limits_(limits) {}

    // view. 404 for a session number the course does not have or a session without a date.
    SessionCalendar session_calendar(const EngagementGrant& grant, int session_no,
                                     const std::string& base_url);

    CalendarFeedStatus feed_status(const RequestContext& ctx);
    // Creates the actor's subscription or replaces its token (the old URL stops working).
    IssuedCalendarFeed issue_feed(const RequestContext& ctx, const std::string& base_url);
    // Idempotent: revoking when there is none changes nothing.
    void revoke_feed(const RequestContext& ctx);

    // The subscription behind a token. An unknown, rotated or revoked token, or one of an
    // inactive user, is one and the same 404 (nothing tells them apart).
    core::CalendarDocument feed(const std::string& token, const std::string& base_url);

  private:
    ServiceEnv env_;
    CalendarLimits limits_;
};

// The subscription URL of a token: <base>/api/v1/calendar-feeds/<token>/calendar.ics
std::string calendar_feed_url(const std::string& base_url, const std::string& token);

}  // namespace shido::services
