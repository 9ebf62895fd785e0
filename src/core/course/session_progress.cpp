#include "core/course/session_progress.hpp"

namespace shido::core {

namespace {

constexpr Labelled<SessionProgress> progress_table[] = {
    {SessionProgress::unplanned, "unplanned", "未計画"},
    {SessionProgress::planned, "planned", "予定"},
    {SessionProgress::held, "held", "実施済"},
    {SessionProgress::report_submitted, "report_submitted", "報告提出"},
    {SessionProgress::report_returned, "report_returned", "報告差戻し"},
    {SessionProgress::report_accepted, "report_accepted", "報告受理"},
};

}  // namespace

std::span<const Labelled<SessionProgress>> session_progresses() {
    return progress_table;
}

SessionProgress progress_of(const std::optional<std::string>& planned_date,
                            const std::optional<std::string>& held_on,
                            std::optional<ReportState> report) {
    if (report == ReportState::accepted) return SessionProgress::report_accepted;
    if (report == ReportState::submitted) return SessionProgress::report_submitted;
    if (report == ReportState::returned) return SessionProgress::report_returned;
    if (held_on) return SessionProgress::held;
    if (planned_date) return SessionProgress::planned;
    return SessionProgress::unplanned;
}

}  // namespace shido::core
