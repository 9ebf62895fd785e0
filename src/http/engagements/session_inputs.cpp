#include "http/engagements/session_inputs.hpp"

#include <limits>

namespace shido::http {

namespace {

bool is_numbered(const nlohmann::json& item) {
    return item.is_object() && item.contains("no") && item.at("no").is_number_integer() &&
           item.at("no").get<long long>() >= std::numeric_limits<int>::min() &&
           item.at("no").get<long long>() <= std::numeric_limits<int>::max();
}

constexpr const char* session_keys[] = {"no",   "planned_date", "start_time",  "end_time",
                                        "mode", "meeting_tool", "meeting_url", "place"};

bool is_session_key(const std::string& key) {
    for (const char* known : session_keys)
        if (key == known) return true;
    return false;
}

// Absent: kept; null or "": cleared; a string: the new value. false when of another type.
bool read_field(const nlohmann::json& item, const char* key, services::SessionInput::Field& out) {
    if (!item.contains(key)) return true;
    const auto& value = item.at(key);
    if (value.is_null()) {
        out = std::optional<std::string>{};
        return true;
    }
    if (!value.is_string()) return false;
    auto text = value.get<std::string>();
    out = text.empty() ? std::optional<std::string>{} : std::optional<std::string>{text};
    return true;
}

}  // namespace

std::vector<services::SessionInput> session_inputs(BodyReader& in) {
    std::vector<services::SessionInput> result;
    const auto* sessions = in.array("sessions");
    if (!sessions) return result;
    for (const auto& item : *sessions) {
        // Only the shape is checked here; "which session numbers exist" is the service's rule.
        if (!is_numbered(item)) {
            in.fail("sessions",
                    "各回は {\"no\":回の番号, \"planned_date\":\"YYYY-MM-DD\", …} の形で指定して"
                    "ください。");
            continue;
        }
        services::SessionInput s;
        s.no = item.at("no").get<int>();
        bool ok = true;
        for (const auto& [key, value] : item.items())
            if (!is_session_key(key)) ok = false;
        for (auto [key, field] :
             {std::pair{"planned_date", &s.planned_date}, std::pair{"start_time", &s.start_time},
              std::pair{"end_time", &s.end_time}, std::pair{"mode", &s.mode},
              std::pair{"meeting_tool", &s.meeting_tool}, std::pair{"meeting_url", &s.meeting_url},
              std::pair{"place", &s.place}})
            ok = read_field(item, key, *field) && ok;
        if (!ok) {
            in.fail("sessions." + std::to_string(s.no),
                    "各回の項目は no, planned_date, start_time, end_time, mode, meeting_tool, "
                    "meeting_url, place で、値は文字列か null です。");
            continue;
        }
        result.push_back(std::move(s));
    }
    return result;
}

}  // namespace shido::http
