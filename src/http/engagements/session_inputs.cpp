#include "http/engagements/session_inputs.hpp"

#include <limits>

namespace shido::http {

std::vector<services::SessionDateInput> session_inputs(BodyReader& in) {
    std::vector<services::SessionDateInput> result;
    const auto* sessions = in.array("sessions");
    if (!sessions) return result;
    for (const auto& item : *sessions) {
        // Only the shape is checked here; "which session numbers exist" is the service's rule.
        bool numbered = item.is_object() && item.contains("no") &&
                        item.at("no").is_number_integer() &&
                        item.at("no").get<long long>() >= std::numeric_limits<int>::min() &&
                        item.at("no").get<long long>() <= std::numeric_limits<int>::max();
        if (!numbered) {
            in.fail(
                "sessions",
                "各回は {\"no\":1〜4, \"planned_date\":\"YYYY-MM-DD\"} の形で指定してください。");
            continue;
        }
        services::SessionDateInput s;
        s.no = item.at("no").get<int>();
        if (item.contains("planned_date") && !item.at("planned_date").is_null()) {
            if (!item.at("planned_date").is_string()) {
                in.fail("sessions." + std::to_string(s.no),
                        "日付は文字列 YYYY-MM-DD で指定してください。");
                continue;
            }
            s.planned_date = item.at("planned_date").get<std::string>();
            if (s.planned_date->empty()) s.planned_date.reset();
        }
        result.push_back(s);
    }
    return result;
}

}  // namespace shido::http
