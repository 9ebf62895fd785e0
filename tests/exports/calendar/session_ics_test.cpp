#include <gtest/gtest.h>

#include <unistd.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "exports/calendar/session_ics.hpp"
#include "support/tools.hpp"

namespace shido::exports {
namespace {

using nlohmann::json;

// Parses the calendar with Debian's python3-icalendar (tests/support/inspect_ics.py).
json parse_ics(const std::string& bytes) {
    const std::string python = "/usr/bin/python3";
    if (::access(python.c_str(), X_OK) != 0)
        throw std::runtime_error("/usr/bin/python3 not found: apt-get install -y python3");
    testing::TempDir dir;
    const auto file = dir.path() / "calendar.ics";
    testing::write_file(file, bytes);
    const auto result = testing::run_command(
        python + " " + testing::shell_quote(SHIDO_TEST_SUPPORT_DIR "/inspect_ics.py") + " " +
        testing::shell_quote(file.string()) + " 2>&1");
    if (result.exit_code != 0)
        throw std::runtime_error(
            "inspect_ics.py failed (python3-icalendar installed? apt-get install -y "
            "python3-icalendar):\n" +
            result.output);
    return json::parse(result.output);
}

core::CalendarEvent timed_event() {
    core::CalendarEvent e;
    e.uid = "engagement-12-session-3@shido";
    e.sequence = 4;
    e.stamp = 1796112000;  // 2026-12-01T08:00:00Z
    e.date = core::CivilDate{2027, 1, 7};
    e.start_minute = 10 * 60;
    e.end_minute = 12 * 60 + 30;
    e.summary = "第3回 指導: 株式会社A, B; C\\D";
    e.location = "本社 3F 会議室, 東棟";
    e.description = "テーマ: 規程の見直し; 実施状況の確認\n場所: 本社, 3F";
    e.url = "https://meet.example.jp/j/123?pwd=a,b;c";
    return e;
}

TEST(SessionIcs, TimedEventIsInTokyoWithItsTextIntact) {
    core::CalendarDocument doc{"shido 指導の日程", {timed_event()}, false};
    const std::string ics = write_ics(doc);
    EXPECT_NE(ics.find("BEGIN:VCALENDAR\r\n"), std::string::npos) << "CRLF line ends";
    EXPECT_NE(ics.find("DTSTART;TZID=Asia/Tokyo:20270107T100000"), std::string::npos) << ics;
    EXPECT_NE(ics.find("SUMMARY:第3回 指導: 株式会社A\\, B\\; C\\\\D"), std::string::npos) << ics;
    auto cal = parse_ics(ics);
    EXPECT_EQ(cal["version"], "2.0");
    EXPECT_EQ(cal["method"], "PUBLISH");
    EXPECT_EQ(cal["name"], "shido 指導の日程");
    ASSERT_EQ(cal["timezones"].size(), 1u);
    EXPECT_EQ(cal["timezones"][0]["tzid"], "Asia/Tokyo");
    for (const auto& rule : cal["timezones"][0]["rules"]) {
        EXPECT_EQ(rule["from"], 9 * 3600);
        EXPECT_EQ(rule["to"], 9 * 3600);
    }
    ASSERT_EQ(cal["events"].size(), 1u);
    const auto& ev = cal["events"][0];
    EXPECT_EQ(ev["uid"], "engagement-12-session-3@shido");
    EXPECT_EQ(ev["sequence"], 4);
    EXPECT_EQ(ev["summary"], "第3回 指導: 株式会社A, B; C\\D");
    EXPECT_EQ(ev["location"], "本社 3F 会議室, 東棟");
    EXPECT_EQ(ev["description"], "テーマ: 規程の見直し; 実施状況の確認\n場所: 本社, 3F");
    EXPECT_EQ(ev["url"], "https://meet.example.jp/j/123?pwd=a,b;c");
    EXPECT_EQ(ev["status"], "CONFIRMED");
    EXPECT_EQ(ev["dtstart"]["tzid"], "Asia/Tokyo");
    EXPECT_EQ(ev["dtstart"]["iso"], "2027-01-07T10:00:00+09:00");
    EXPECT_EQ(ev["dtstart"]["utc_offset"], 9 * 3600);
    EXPECT_EQ(ev["dtend"]["iso"], "2027-01-07T12:30:00+09:00");
    EXPECT_EQ(ev["dtstamp"]["iso"], "2026-12-01T08:00:00+00:00");
}

TEST(SessionIcs, DateWithoutTimesIsAnAllDayEvent) {
    auto e = timed_event();
    e.start_minute.reset();
    e.end_minute.reset();
    e.date = core::CivilDate{2026, 12, 31};
    auto cal = parse_ics(write_ics(core::CalendarDocument{"", {e}, false}));
    const auto& ev = cal["events"].at(0);
    EXPECT_TRUE(ev["dtstart"]["is_date"].get<bool>());
    EXPECT_EQ(ev["dtstart"]["iso"], "2026-12-31");
    EXPECT_EQ(ev["dtend"]["iso"], "2027-01-01") << "DTEND is the next day, across the year";
}

TEST(SessionIcs, StartWithoutEndHasNoDtend) {
    auto e = timed_event();
    e.end_minute.reset();
    auto cal = parse_ics(write_ics(core::CalendarDocument{"", {e}, false}));
    const auto& ev = cal["events"].at(0);
    EXPECT_EQ(ev["dtstart"]["iso"], "2027-01-07T10:00:00+09:00");
    EXPECT_TRUE(ev["dtend"].is_null());
}

TEST(SessionIcs, LongJapaneseTextIsFoldedWithoutBreakingCharacters) {
    auto e = timed_event();
    e.description.clear();
    for (int i = 0; i < 40; ++i) e.description += "情報セキュリティ基本方針の作成指導、";
    const std::string ics = write_ics(core::CalendarDocument{"", {e}, false});
    std::size_t start = 0;
    while (start < ics.size()) {
        auto end = ics.find("\r\n", start);
        ASSERT_NE(end, std::string::npos);
        EXPECT_LE(end - start, 75u) << "RFC 5545: lines of at most 75 octets";
        start = end + 2;
    }
    EXPECT_EQ(parse_ics(ics)["events"].at(0)["description"], e.description);
}

TEST(SessionIcs, CancelledEventAndSubscriptionRefresh) {
    auto e = timed_event();
    e.cancelled = true;
    auto second = timed_event();
    second.uid = "engagement-12-session-4@shido";
    auto cal = parse_ics(write_ics(core::CalendarDocument{"feed", {e, second}, true}));
    EXPECT_EQ(cal["refresh"], "PT1H");
    ASSERT_EQ(cal["events"].size(), 2u);
    EXPECT_EQ(cal["events"][0]["status"], "CANCELLED");
    EXPECT_EQ(cal["events"][1]["uid"], "engagement-12-session-4@shido");
}

TEST(SessionIcs, EmptyCalendarIsStillValid) {
    auto cal = parse_ics(write_ics(core::CalendarDocument{"空", {}, true}));
    EXPECT_TRUE(cal["events"].empty());
    EXPECT_EQ(cal["timezones"].size(), 1u);
}

}  // namespace
}  // namespace shido::exports
