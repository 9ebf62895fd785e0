#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/ids.hpp"

namespace shido::core {

enum class EngagementStatus { planned, in_progress, completed, cancelled };

inline constexpr EngagementStatus all_engagement_statuses[] = {
    EngagementStatus::planned, EngagementStatus::in_progress, EngagementStatus::completed,
    EngagementStatus::cancelled};

std::string_view to_string(EngagementStatus status);
std::string_view label_ja(EngagementStatus status);
std::optional<EngagementStatus> parse_engagement_status(std::string_view text);

// The programme's standard course has four sessions (第1回〜第4回).
inline constexpr int session_count = 4;

struct SessionPlan {
    int no = 1;
    std::optional<std::string> planned_date;  // YYYY-MM-DD
};

struct Engagement {
    Id id = 0;
    Id company_id = 0;
    std::string company_name;
    std::optional<Id> expert_id;
    std::optional<std::string> expert_name;
    EngagementStatus status = EngagementStatus::planned;
    int version = 1;  // optimistic concurrency: bumped by every update
    std::array<SessionPlan, session_count> sessions{SessionPlan{1, {}}, SessionPlan{2, {}},
                                                    SessionPlan{3, {}}, SessionPlan{4, {}}};
    Timestamp created_at = 0;
    Timestamp updated_at = 0;
};

}  // namespace shido::core
