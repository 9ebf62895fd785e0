#include "core/course/report_workflow.hpp"

#include "core/course/report.hpp"

namespace shido::core {

namespace {

constexpr Labelled<ReportState> report_state_table[] = {
    {ReportState::draft, "draft", "下書き"},
    {ReportState::submitted, "submitted", "提出済"},
    {ReportState::returned, "returned", "差戻し"},
    {ReportState::accepted, "accepted", "受理"},
};
constexpr Labelled<ReportEvent> report_event_table[] = {
    {ReportEvent::submit, "submit", "提出"},
    {ReportEvent::return_to_expert, "return", "差戻し"},
    {ReportEvent::accept, "accept", "受理"},
};

constexpr ReportTransition workflow[] = {
    {ReportState::draft, ReportEvent::submit, ReportState::submitted, ReportParty::expert},
    {ReportState::returned, ReportEvent::submit, ReportState::submitted, ReportParty::expert},
    {ReportState::submitted, ReportEvent::return_to_expert, ReportState::returned,
     ReportParty::secretariat},
    {ReportState::submitted, ReportEvent::accept, ReportState::accepted, ReportParty::secretariat},
};

constexpr Labelled<DeliverableState> deliverable_state_table[] = {
    {DeliverableState::not_started, "not_started", "未着手"},
    {DeliverableState::in_progress, "in_progress", "作成中"},
    {DeliverableState::done, "done", "完成"},
};

}  // namespace

std::span<const Labelled<DeliverableState>> deliverable_states() {
    return deliverable_state_table;
}

std::span<const Labelled<ReportState>> report_states() {
    return report_state_table;
}
std::span<const Labelled<ReportEvent>> report_events() {
    return report_event_table;
}
std::span<const ReportTransition> report_transitions() {
    return workflow;
}

std::optional<ReportTransition> transition_for(ReportState from, ReportEvent event) {
    for (const auto& t : workflow)
        if (t.from == from && t.event == event) return t;
    return std::nullopt;
}

bool expert_may_edit(ReportState state) {
    return state == ReportState::draft || state == ReportState::returned;
}

}  // namespace shido::core
