#include "core/calendar/calendar_event.hpp"

#include <gtest/gtest.h>

namespace shido::core {
namespace {

Engagement engagement_with(SessionPlan session) {
    Engagement e;
    e.id = 12;
    e.company_name = "株式会社サンプル製作所";
    e.expert_name = "専門家 一郎";
    e.version = 5;
    e.updated_at = 1'800'000'000;
    e.sessions = {session};
    return e;
}

SessionPlan dated(int no, const char* date) {
    SessionPlan s;
    s.no = no;
    s.planned_date = date;
    return s;
}

const SessionEventText session_text{"第3回", "基本方針の作成",
                                    "https://shido.example.jp/engagements/12"};

TEST(CalendarEvent, UidIsStablePerEngagementAndSession) {
    EXPECT_EQ(session_event_uid(12, 3), "engagement-12-session-3@shido");
    auto s = dated(3, "2027-01-07");
    auto first = session_event(engagement_with(s), s, session_text);
    auto e = engagement_with(s);
    e.version = 9;
    s.start_time = "10:00";
    auto later = session_event(e, s, session_text);
    ASSERT_TRUE(first && later);
    EXPECT_EQ(first->uid, later->uid);
    EXPECT_EQ(first->sequence, 5);
    EXPECT_EQ(later->sequence, 9) << "a later version replaces the event";
    EXPECT_EQ(first->stamp, 1'800'000'000);
}

TEST(CalendarEvent, SessionsWithoutAValidDateAreLeftOut) {
    SessionPlan none;
    none.no = 2;
    EXPECT_FALSE(session_event(engagement_with(none), none, session_text));
    auto bad = dated(2, "2027-02-30");
    EXPECT_FALSE(session_event(engagement_with(bad), bad, session_text));
}

TEST(CalendarEvent, TimesMakeATimedEventOtherwiseAllDay) {
    auto s = dated(3, "2027-01-07");
    auto all_day = session_event(engagement_with(s), s, session_text);
    ASSERT_TRUE(all_day);
    EXPECT_FALSE(all_day->start_minute);
    EXPECT_EQ(all_day->date, (CivilDate{2027, 1, 7}));
    s.start_time = "10:00";
    s.end_time = "12:30";
    auto timed = session_event(engagement_with(s), s, session_text);
    EXPECT_EQ(timed->start_minute, 600);
    EXPECT_EQ(timed->end_minute, 750);
    s.end_time = "09:00";  // not after the start: left out, the start stays
    EXPECT_FALSE(session_event(engagement_with(s), s, session_text)->end_minute);
    s.start_time.reset();
    s.end_time = "12:00";  // an end alone says nothing about the start
    auto end_only = session_event(engagement_with(s), s, session_text);
    EXPECT_FALSE(end_only->start_minute);
    EXPECT_FALSE(end_only->end_minute);
}

TEST(CalendarEvent, MinuteOfDayAcceptsOnlyHhMm) {
    EXPECT_EQ(minute_of_day("00:00"), 0);
    EXPECT_EQ(minute_of_day("23:59"), 23 * 60 + 59);
    for (const char* bad : {"", "9:00", "24:00", "12:60", "12-00", "12:000", "ab:cd"})
        EXPECT_FALSE(minute_of_day(bad)) << bad;
}

TEST(CalendarEvent, SummaryLocationAndDescription) {
    auto s = dated(3, "2027-01-07");
    s.mode = SessionMode::web;
    s.meeting_tool = "Teams";
    s.meeting_url = "https://teams.example.com/l/meetup";
    auto web = session_event(engagement_with(s), s, session_text);
    EXPECT_EQ(web->summary, "第3回 指導: 株式会社サンプル製作所");
    EXPECT_EQ(web->location, "Web会議（Teams）");
    EXPECT_EQ(web->url, "https://teams.example.com/l/meetup");
    EXPECT_NE(web->description.find("テーマ: 基本方針の作成"), std::string::npos);
    EXPECT_NE(web->description.find("会議URL: https://teams.example.com/l/meetup"),
              std::string::npos);
    EXPECT_NE(web->description.find("担当専門家: 専門家 一郎"), std::string::npos);
    EXPECT_NE(web->description.find("指導案件: https://shido.example.jp/engagements/12"),
              std::string::npos);

    auto visit = dated(3, "2027-01-07");
    visit.mode = SessionMode::visit;
    visit.place = "本社 会議室A";
    auto e = engagement_with(visit);
    e.status = EngagementStatus::cancelled;
    auto there = session_event(e, visit, session_text);
    EXPECT_EQ(there->location, "本社 会議室A");
    EXPECT_EQ(there->url, "https://shido.example.jp/engagements/12");
    EXPECT_TRUE(there->cancelled);
    EXPECT_EQ(there->summary, "【中止】第3回 指導: 株式会社サンプル製作所");
}

}  // namespace
}  // namespace shido::core
