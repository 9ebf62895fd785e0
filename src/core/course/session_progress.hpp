#pragma once
#include <optional>
#include <span>
#include <string>

#include "core/course/report_workflow.hpp"
#include "core/labelled.hpp"

namespace shido::core {

// Where one session stands, as the secretariat follows it: 未計画 → 予定 → 実施済 → 報告提出
// (→ 差戻し → 報告提出) → 報告受理. The dashboard computes the same in SQL
// (storage/dashboard/dashboard_repository), checked against this function by a test.
enum class SessionProgress {
    unplanned,
    planned,
    held,
    report_submitted,
    report_returned,
    report_accepted
};

std::span<const Labelled<SessionProgress>> session_progresses();

SessionProgress progress_of(const std::optional<std::string>& planned_date,
                            const std::optional<std::string>& held_on,
                            std::optional<ReportState> report);

}  // namespace shido::core
