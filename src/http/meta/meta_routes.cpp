// /meta: the labels of every enum the API sends, and the course, fetched once per page load.
#include "core/audit/audit_event.hpp"
#include "core/course/report.hpp"
#include "core/course/session_progress.hpp"
#include "core/course/tasks.hpp"
#include "core/diagnosis/respondent_role.hpp"
#include "core/diagnosis/respondent_status.hpp"
#include "core/documents/document_state.hpp"
#include "core/engagements/engagement.hpp"
#include "http/api_routes.hpp"
#include "services/course/course_views.hpp"

namespace shido::http {

namespace {

template <typename Enum>
nlohmann::json labels(std::span<const core::Labelled<Enum>> table) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& entry : table) out.push_back({{"key", entry.key}, {"label", entry.label}});
    return out;
}

// For enums that keep separate to_string/label_ja functions and an `all_…` list.
template <typename Range>
nlohmann::json labels_of(const Range& all) {
    nlohmann::json out = nlohmann::json::array();
    for (auto value : all) out.push_back({{"key", to_string(value)}, {"label", label_ja(value)}});
    return out;
}

}  // namespace

std::vector<Route> meta_routes(services::Services& s) {
    using namespace core;
    return {
        {Method::get, "/api/v1/meta", Access::authenticated,
         [&s](ApiCall&) {
             return ApiResponse{
                 200,
                 nlohmann::json{
                     {"roles", labels_of(all_roles)},
                     {"company_roles", labels_of(all_company_roles)},
                     {"engagement_statuses", labels_of(all_engagement_statuses)},
                     {"audit_actions", labels(audit_actions())},
                     {"audit_entities", labels(audit_entities())},
                     {"respondent_roles", labels_of(diagnosis::all_respondent_roles)},
                     {"respondent_statuses", labels(diagnosis::respondent_statuses())},
                     {"round_statuses", labels(diagnosis::round_statuses())},
                     {"session_modes", labels_of(all_session_modes)},
                     {"session_progresses", labels(session_progresses())},
                     {"report_states", labels(report_states())},
                     {"deliverable_states", labels(deliverable_states())},
                     {"task_sides", labels(task_sides())},
                     {"task_origins", labels(task_origins())},
                     {"document_kinds", labels<documents::DocumentKind>(documents::document_kinds)},
                     {"document_states",
                      labels<documents::DocumentState>(documents::document_states)},
                     {"curriculum", services::to_json(s.env.content.curriculum)}},
                 {}};
         }},
    };
}

}  // namespace shido::http
