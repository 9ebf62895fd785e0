#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/civil_date.hpp"
#include "core/engagements/engagement.hpp"

namespace shido::core {

// One session of an engagement as a calendar event, in Japan time (Asia/Tokyo, UTC+9, no
// daylight saving). The services build it from the stored plan and the course;
// exports/calendar writes it as an iCalendar VEVENT.
struct CalendarEvent {
    std::string uid;                  // engagement-12-session-3@shido: the same for every version
    int sequence = 0;                 // the engagement's version: a later one replaces the event
    Timestamp stamp = 0;              // DTSTAMP and LAST-MODIFIED: when the engagement last changed
    CivilDate date;                   // the planned date
    std::optional<int> start_minute;  // minutes after midnight, Japan time; none: all day
    std::optional<int> end_minute;    // only with a start, and after it
    std::string summary;              // 第1回 指導: 株式会社○○
    std::string location;             // the place of a visit, or the web-meeting tool
    std::string description;          // theme, how it is held, meeting URL, link to shido
    std::optional<std::string> url;   // the meeting's address (web), else the engagement page
    bool cancelled = false;           // STATUS:CANCELLED: the engagement was cancelled
};

// A calendar: the events of one session (.ics download) or of a user's subscription.
struct CalendarDocument {
    std::string name;  // X-WR-CALNAME
    std::vector<CalendarEvent> events;
    bool subscription = false;  // a feed polled by calendar programs (refresh interval)
};

// What an event of a session says besides the stored plan: the course's title and theme of
// the session, and the address of the engagement's page in shido.
struct SessionEventText {
    std::string_view title;  // 第1回
    std::string_view theme;
    std::string engagement_url;
};

std::string session_event_uid(Id engagement_id, int session_no);

// "HH:MM" (00:00–23:59) as minutes after midnight, or nothing.
std::optional<int> minute_of_day(std::string_view text);

// The session as an event, or nothing when it has no valid date yet (it is left out). With a
// date and no start time it is an all-day event; an end time counts only after the start.
std::optional<CalendarEvent> session_event(const Engagement& engagement, const SessionPlan& session,
                                           const SessionEventText& text);

}  // namespace shido::core
