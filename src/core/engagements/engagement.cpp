#include "core/engagements/engagement.hpp"

namespace shido::core {

std::string_view to_string(EngagementStatus status) {
    switch (status) {
        case EngagementStatus::planned:
            return "planned";
        case EngagementStatus::in_progress:
            return "in_progress";
        case EngagementStatus::completed:
            return "completed";
        case EngagementStatus::cancelled:
            return "cancelled";
    }
    return "planned";
}

std::string_view label_ja(EngagementStatus status) {
    switch (status) {
        case EngagementStatus::planned:
            return "準備中";
        case EngagementStatus::in_progress:
            return "指導中";
        case EngagementStatus::completed:
            return "完了";
        case EngagementStatus::cancelled:
            return "中止";
    }
    return "準備中";
}

std::optional<EngagementStatus> parse_engagement_status(std::string_view text) {
    for (EngagementStatus status : all_engagement_statuses) {
        if (to_string(status) == text) return status;
    }
    return std::nullopt;
}

std::string_view to_string(SessionMode mode) {
    return mode == SessionMode::web ? "web" : "visit";
}

std::string_view label_ja(SessionMode mode) {
    return mode == SessionMode::web ? "Web会議" : "訪問";
}

std::optional<SessionMode> parse_session_mode(std::string_view text) {
    for (SessionMode mode : all_session_modes)
        if (to_string(mode) == text) return mode;
    return std::nullopt;
}

}  // namespace shido::core
