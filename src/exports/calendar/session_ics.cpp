#include "exports/calendar/session_ics.hpp"

#include <memory>
#include <stdexcept>

#include <libical/ical.h>

namespace shido::exports {

namespace {

constexpr const char* tokyo_tzid = "Asia/Tokyo";
constexpr int tokyo_offset_seconds = 9 * 60 * 60;

struct ComponentFree {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

Component new_component(icalcomponent_kind kind) {
    Component c(icalcomponent_new(kind));
    if (!c) throw std::runtime_error("libical: cannot create a component");
    return c;
}

void add_property(icalcomponent* c, icalproperty* p) {
    if (!p) throw std::runtime_error("libical: cannot create a property");
    icalcomponent_add_property(c, p);
}

icaltimetype date_value(const core::CivilDate& d) {
    icaltimetype t = icaltime_null_date();
    t.year = d.year;
    t.month = d.month;
    t.day = d.day;
    return t;
}

// A wall-clock time without a zone of its own; the property's TZID says where.
icaltimetype local_value(const core::CivilDate& d, int minute_of_day) {
    icaltimetype t = icaltime_null_time();
    t.year = d.year;
    t.month = d.month;
    t.day = d.day;
    t.hour = minute_of_day / 60;
    t.minute = minute_of_day % 60;
    return t;
}

icalproperty* in_tokyo(icalproperty* p) {
    icalproperty_add_parameter(p, icalparameter_new_tzid(tokyo_tzid));
    return p;
}

icaltimetype utc_value(core::Timestamp t) {
    return icaltime_from_timet_with_zone(static_cast<time_t>(t), 0,
                                         icaltimezone_get_utc_timezone());
}

icaldurationtype hours(int n) {
    icaldurationtype d = icaldurationtype_null_duration();
    d.hours = static_cast<unsigned int>(n);
    return d;
}

icalproperty* x_property(const char* name, const std::string& value) {
    icalproperty* p = icalproperty_new_x(value.c_str());
    icalproperty_set_x_name(p, name);
    return p;
}

// Japan has kept UTC+9 without daylight saving since 1951: one STANDARD rule covers it.
Component tokyo_timezone() {
    auto zone = new_component(ICAL_VTIMEZONE_COMPONENT);
    add_property(zone.get(), icalproperty_new_tzid(tokyo_tzid));
    auto standard = new_component(ICAL_XSTANDARD_COMPONENT);
    add_property(standard.get(),
                 icalproperty_new_dtstart(local_value(core::CivilDate{1970, 1, 1}, 0)));
    add_property(standard.get(), icalproperty_new_tzoffsetfrom(tokyo_offset_seconds));
    add_property(standard.get(), icalproperty_new_tzoffsetto(tokyo_offset_seconds));
    add_property(standard.get(), icalproperty_new_tzname("JST"));
    icalcomponent_add_component(zone.get(), standard.release());
    return zone;
}

Component event_component(const core::CalendarEvent& e) {
    auto event = new_component(ICAL_VEVENT_COMPONENT);
    icalcomponent* v = event.get();
    add_property(v, icalproperty_new_uid(e.uid.c_str()));
    add_property(v, icalproperty_new_dtstamp(utc_value(e.stamp)));
    add_property(v, icalproperty_new_lastmodified(utc_value(e.stamp)));
    add_property(v, icalproperty_new_sequence(e.sequence));
    if (e.start_minute) {
        add_property(v, in_tokyo(icalproperty_new_dtstart(local_value(e.date, *e.start_minute))));
        if (e.end_minute)
            add_property(v, in_tokyo(icalproperty_new_dtend(local_value(e.date, *e.end_minute))));
    } else {
        // All day: DTEND is the next day (exclusive), as calendar programs expect.
        add_property(v, icalproperty_new_dtstart(date_value(e.date)));
        add_property(v, icalproperty_new_dtend(date_value(core::add_days(e.date, 1))));
        add_property(v, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
    }
    add_property(v, icalproperty_new_summary(e.summary.c_str()));
    if (!e.location.empty()) add_property(v, icalproperty_new_location(e.location.c_str()));
    if (!e.description.empty())
        add_property(v, icalproperty_new_description(e.description.c_str()));
    if (e.url) add_property(v, icalproperty_new_url(e.url->c_str()));
    add_property(
        v, icalproperty_new_status(e.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
    return event;
}

}  // namespace

std::string write_ics(const core::CalendarDocument& calendar) {
    auto root = new_component(ICAL_VCALENDAR_COMPONENT);
    icalcomponent* c = root.get();
    add_property(c, icalproperty_new_prodid("-//IPA SME security guidance//shido//JA"));
    add_property(c, icalproperty_new_version("2.0"));
    add_property(c, icalproperty_new_calscale("GREGORIAN"));
    add_property(c, icalproperty_new_method(ICAL_METHOD_PUBLISH));
    if (!calendar.name.empty()) {
        add_property(c, icalproperty_new_name(calendar.name.c_str()));
        add_property(c, x_property("X-WR-CALNAME", calendar.name));
    }
    add_property(c, x_property("X-WR-TIMEZONE", tokyo_tzid));
    if (calendar.subscription) {
        // How often calendar programs should poll (RFC 7986; X-PUBLISHED-TTL for Outlook).
        icalproperty* refresh = icalproperty_new_refreshinterval(hours(1));
        icalproperty_add_parameter(refresh, icalparameter_new_value(ICAL_VALUE_DURATION));
        add_property(c, refresh);
        add_property(c, x_property("X-PUBLISHED-TTL", "PT1H"));
    }
    icalcomponent_add_component(c, tokyo_timezone().release());
    for (const auto& e : calendar.events)
        icalcomponent_add_component(c, event_component(e).release());
    char* text = icalcomponent_as_ical_string_r(c);
    if (!text) throw std::runtime_error("libical: cannot write the calendar");
    std::string out(text);
    icalmemory_free_buffer(text);
    return out;
}

}  // namespace shido::exports
