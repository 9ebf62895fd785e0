#pragma once
#include <optional>
#include <span>
#include <string_view>

#include "core/labelled.hpp"

namespace shido::core {

// 実施報告: the expert writes it after each session, the secretariat reviews it.
enum class ReportState { draft, submitted, returned, accepted };
enum class ReportEvent { submit, return_to_expert, accept };
// Who may cause an event: the engagement's expert or the secretariat.
enum class ReportParty { expert, secretariat };

std::span<const Labelled<ReportState>> report_states();
std::span<const Labelled<ReportEvent>> report_events();

struct ReportTransition {
    ReportState from;
    ReportEvent event;
    ReportState to;
    ReportParty by;
};

// The whole workflow, one row per allowed transition (report_workflow.cpp). Anything not in
// the table is refused; nothing leaves `accepted`, so an accepted report is frozen.
std::span<const ReportTransition> report_transitions();
std::optional<ReportTransition> transition_for(ReportState from, ReportEvent event);

// The expert may change the report's text only while it is with them.
bool expert_may_edit(ReportState state);

}  // namespace shido::core
