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

}  // namespace shido::core
