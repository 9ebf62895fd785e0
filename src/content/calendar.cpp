#include "content/calendar.hpp"

#include "content/json_file.hpp"

namespace shido::content {

core::HolidayCalendar parse_holidays(const nlohmann::json& doc, const std::string& source) {
    Reader r(doc, source);
    (void)r.text("id");
    (void)r.text("title");
    (void)r.text("source");
    core::HolidayCalendar calendar;
    calendar.first_year = r.integer("first_year");
    calendar.last_year = r.integer("last_year");
    if (calendar.first_year > calendar.last_year) r.fail("first_year is after last_year");
    const auto& holidays = r.array("holidays");
    for (std::size_t i = 0; i < holidays.size(); ++i) {
        Reader h(holidays[i], source + ".holidays[" + std::to_string(i) + "]");
        auto date = core::parse_civil_date(h.text("date"));
        if (!date) h.fail("'date' must be a real day, YYYY-MM-DD");
        if (!calendar.covers(*date)) h.fail("'date' lies outside first_year..last_year");
        if (!calendar.names.emplace(*date, h.text("name")).second)
            h.fail("the day is listed twice");
        h.finish();
    }
    r.finish();
    return calendar;
}

}  // namespace shido::content
