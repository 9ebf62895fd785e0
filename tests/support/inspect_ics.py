#!/usr/bin/python3
"""Parses an iCalendar file with python3-icalendar (Debian) and prints what the tests check as
JSON: the calendar's properties, its time zones and every event with its times resolved.
Reads the file named by the first argument, or standard input."""
import json
import sys

import icalendar


def text(component, name):
    value = component.get(name)
    return None if value is None else str(value)


def when(component, name):
    prop = component.get(name)
    if prop is None:
        return None
    value = component.decoded(name)
    out = {"raw": prop.to_ical().decode(), "tzid": prop.params.get("TZID"),
           "value_type": prop.params.get("VALUE"), "is_date": not hasattr(value, "hour")}
    out["iso"] = value.isoformat()
    if not out["is_date"]:
        out["utc_offset"] = value.utcoffset().total_seconds() if value.utcoffset() is not None else None
    return out


def main():
    data = open(sys.argv[1], "rb").read() if len(sys.argv) > 1 else sys.stdin.buffer.read()
    cal = icalendar.Calendar.from_ical(data)
    zones = []
    for tz in cal.walk("VTIMEZONE"):
        rules = [{"kind": r.name, "from": r.decoded("TZOFFSETFROM").total_seconds(),
                  "to": r.decoded("TZOFFSETTO").total_seconds()} for r in tz.subcomponents]
        zones.append({"tzid": text(tz, "TZID"), "rules": rules})
    events = []
    for ev in cal.walk("VEVENT"):
        events.append({
            "uid": text(ev, "UID"), "summary": text(ev, "SUMMARY"), "location": text(ev, "LOCATION"),
            "description": text(ev, "DESCRIPTION"), "url": text(ev, "URL"),
            "status": text(ev, "STATUS"),
            "sequence": int(ev.get("SEQUENCE")) if ev.get("SEQUENCE") is not None else None,
            "dtstart": when(ev, "DTSTART"), "dtend": when(ev, "DTEND"), "dtstamp": when(ev, "DTSTAMP"),
        })
    print(json.dumps({
        "prodid": text(cal, "PRODID"), "version": text(cal, "VERSION"), "method": text(cal, "METHOD"),
        "name": text(cal, "X-WR-CALNAME"), "timezone": text(cal, "X-WR-TIMEZONE"),
        "refresh": text(cal, "REFRESH-INTERVAL"), "timezones": zones, "events": events,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
