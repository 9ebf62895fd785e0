#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "core/calendar/holidays.hpp"

namespace shido::content {

// content/calendar/jp-holidays.json: every public holiday of the years it covers.
core::HolidayCalendar parse_holidays(const nlohmann::json& doc, const std::string& source);

}  // namespace shido::content
