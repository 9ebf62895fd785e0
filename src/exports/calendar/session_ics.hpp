#pragma once
#include <string>

#include "core/calendar/calendar_event.hpp"

namespace shido::exports {

// The calendar as an iCalendar file (RFC 5545, written by libical): one VTIMEZONE for
// Asia/Tokyo (UTC+9 all year), one VEVENT per event with DTSTART/DTEND in that zone (an all-day
// event by DATE), its UID, SEQUENCE and DTSTAMP, and text escaped and folded by libical.
std::string write_ics(const core::CalendarDocument& calendar);

}  // namespace shido::exports
