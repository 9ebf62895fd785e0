#include "core/course/planning.hpp"

namespace shido::core {

namespace {

std::string days_text(long long days) {
    return std::to_string(days) + "日";
}

std::string weeks_text(int weeks) {
    return std::to_string(weeks) + "週間";
}

std::string dated(const SessionTiming& session, const CivilDate& date) {
    return session.title + "（" + to_string(date) + "）";
}

void check_day(const SessionTiming& session, const CivilDate& date, const HolidayCalendar& holidays,
               std::vector<PlanWarning>& out) {
    if (is_weekend(date))
        out.push_back(
            {PlanWarningKind::weekend, session.no,
             dated(session, date) + "は" + std::string(label_ja(weekday_of(date))) + "です。"});
    if (auto name = holidays.holiday(date))
        out.push_back({PlanWarningKind::holiday, session.no,
                       dated(session, date) + "は祝日（" + std::string(*name) + "）です。"});
    if (!holidays.covers(date))
        out.push_back(
            {PlanWarningKind::beyond_holiday_data, session.no,
             dated(session, date) + "の年の祝日データがないため、祝日かどうかを確認できません。"});
}

void check_gap(const SessionTiming& session, const SessionTiming& previous, long long gap,
               std::vector<PlanWarning>& out) {
    if (gap <= 0) return;  // out of order: order_problem() says so, and it blocks
    if (gap < 7LL * session.prep_weeks_min)
        out.push_back({PlanWarningKind::short_preparation, session.no,
                       session.title + "の準備期間が" + weeks_text(session.prep_weeks_min) +
                           "未満です（" + previous.title + "から" + days_text(gap) + "）。"});
    else if (gap > 7LL * session.prep_weeks_max)
        out.push_back({PlanWarningKind::long_preparation, session.no,
                       session.title + "の準備期間が" + weeks_text(session.prep_weeks_max) +
                           "を超えています（" + previous.title + "から" + days_text(gap) + "）。"});
}

}  // namespace

std::string_view to_string(PlanWarningKind kind) {
    switch (kind) {
        case PlanWarningKind::short_preparation:
            return "short_preparation";
        case PlanWarningKind::long_preparation:
            return "long_preparation";
        case PlanWarningKind::course_too_long:
            return "course_too_long";
        case PlanWarningKind::weekend:
            return "weekend";
        case PlanWarningKind::holiday:
            return "holiday";
        case PlanWarningKind::beyond_holiday_data:
            return "beyond_holiday_data";
    }
    return "weekend";
}

std::vector<CivilDate> propose_session_dates(const CourseTiming& course, CivilDate start,
                                             const HolidayCalendar& holidays) {
    std::vector<CivilDate> out;
    CivilDate previous = start;
    for (const auto& session : course.sessions) {
        int weeks = out.empty() ? session.prep_weeks_min : session.prep_weeks_max;
        auto target = add_days(previous, 7LL * weeks);
        auto later = holidays.next_working_day(target);
        auto earlier = holidays.previous_working_day(target);
        // Forward unless that leaves the preparation window; then back, if that stays in it.
        bool later_fits = days_between(previous, later) <= 7LL * session.prep_weeks_max;
        bool earlier_fits = days_between(previous, earlier) >= 7LL * session.prep_weeks_min;
        previous = later_fits || !earlier_fits ? later : earlier;
        out.push_back(previous);
    }
    return out;
}

std::vector<PlanWarning> plan_warnings(const CourseTiming& course,
                                       const std::vector<std::optional<CivilDate>>& dates,
                                       const HolidayCalendar& holidays) {
    std::vector<PlanWarning> out;
    const SessionTiming* previous = nullptr;
    std::optional<CivilDate> previous_date, first_date, last_date;
    const SessionTiming* first = nullptr;
    const SessionTiming* last = nullptr;
    for (std::size_t i = 0; i < course.sessions.size() && i < dates.size(); ++i) {
        const auto& session = course.sessions[i];
        if (!dates[i]) {
            previous = nullptr;  // a gap can only be judged between two planned neighbours
            continue;
        }
        check_day(session, *dates[i], holidays, out);
        if (previous && previous_date)
            check_gap(session, *previous, days_between(*previous_date, *dates[i]), out);
        if (!first) {
            first = &session;
            first_date = dates[i];
        }
        last = &session;
        last_date = dates[i];
        previous = &session;
        previous_date = dates[i];
    }
    if (first && last && first != last) {
        auto span = days_between(*first_date, *last_date);
        if (span > course.guideline_days)
            out.push_back({PlanWarningKind::course_too_long, last->no,
                           first->title + "から" + last->title + "までが" + course.guideline_label +
                               "（" + days_text(course.guideline_days) + "）を超えています（" +
                               days_text(span) + "）。"});
    }
    return out;
}

std::optional<std::string> order_problem(const CourseTiming& course,
                                         const std::vector<std::optional<CivilDate>>& dates) {
    std::optional<CivilDate> latest;
    const SessionTiming* latest_session = nullptr;
    for (std::size_t i = 0; i < course.sessions.size() && i < dates.size(); ++i) {
        if (!dates[i]) continue;
        if (latest && *dates[i] <= *latest)
            return course.sessions[i].title + "は" + latest_session->title +
                   "より後の日付にしてください。";
        latest = dates[i];
        latest_session = &course.sessions[i];
    }
    return std::nullopt;
}

}  // namespace shido::core
