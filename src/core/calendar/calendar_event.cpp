#include "core/calendar/calendar_event.hpp"

namespace shido::core {

std::string session_event_uid(Id engagement_id, int session_no) {
    return "engagement-" + std::to_string(engagement_id) + "-session-" +
           std::to_string(session_no) + "@shido";
}

std::optional<int> minute_of_day(std::string_view text) {
    auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    if (text.size() != 5 || text[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4))
        return std::nullopt;
    int hour = (text[0] - '0') * 10 + (text[1] - '0');
    int minute = (text[3] - '0') * 10 + (text[4] - '0');
    if (hour > 23 || minute > 59) return std::nullopt;
    return hour * 60 + minute;
}

namespace {

std::string location_of(const SessionPlan& s) {
    if (s.mode == SessionMode::web) {
        std::string where(label_ja(SessionMode::web));
        if (s.meeting_tool && !s.meeting_tool->empty()) where += "（" + *s.meeting_tool + "）";
        return where;
    }
    return s.place.value_or("");
}

void add_line(std::string& text, std::string_view label, const std::optional<std::string>& value) {
    if (!value || value->empty()) return;
    if (!text.empty()) text += '\n';
    text.append(label).append(": ").append(*value);
}

std::string description_of(const Engagement& e, const SessionPlan& s,
                           const SessionEventText& text) {
    std::string out;
    add_line(out, "テーマ", std::string(text.theme));
    if (s.mode) add_line(out, "実施方法", std::string(label_ja(*s.mode)));
    add_line(out, "会議ツール", s.meeting_tool);
    add_line(out, "会議URL", s.meeting_url);
    add_line(out, "場所", s.place);
    add_line(out, "担当専門家", e.expert_name);
    add_line(out, "状態", std::string(label_ja(e.status)));
    add_line(out, "指導案件", text.engagement_url);
    return out;
}

}  // namespace

std::optional<CalendarEvent> session_event(const Engagement& e, const SessionPlan& s,
                                           const SessionEventText& text) {
    if (!s.planned_date) return std::nullopt;
    auto date = parse_civil_date(*s.planned_date);
    if (!date) return std::nullopt;
    CalendarEvent event;
    event.uid = session_event_uid(e.id, s.no);
    event.sequence = e.version;
    event.stamp = e.updated_at;
    event.date = *date;
    if (s.start_time) event.start_minute = minute_of_day(*s.start_time);
    if (event.start_minute && s.end_time) {
        event.end_minute = minute_of_day(*s.end_time);
        if (event.end_minute && *event.end_minute <= *event.start_minute) event.end_minute.reset();
    }
    event.cancelled = e.status == EngagementStatus::cancelled;
    event.summary =
        (event.cancelled ? "【中止】" : "") + std::string(text.title) + " 指導: " + e.company_name;
    event.location = location_of(s);
    event.description = description_of(e, s, text);
    if (s.meeting_url && !s.meeting_url->empty())
        event.url = s.meeting_url;
    else if (!text.engagement_url.empty())
        event.url = text.engagement_url;
    return event;
}

}  // namespace shido::core
