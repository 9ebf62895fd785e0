#include "services/documents/document_overview_service.hpp"

#include <stdexcept>

#include "services/course/planning_service.hpp"
#include "storage/engagements/engagement_repository.hpp"

namespace shido::services {

namespace {

std::vector<DocumentSession> sessions_working_on(const content::Curriculum& course,
                                                 core::documents::DocumentKind kind) {
    std::vector<DocumentSession> sessions;
    for (const auto& session : course.sessions)
        for (const auto& doc : session.documents)
            if (doc.kind == kind) sessions.push_back({session.no, doc.review});
    return sessions;
}

}  // namespace

std::vector<DocumentOverviewItem> DocumentOverviewService::overview(
    const EngagementGrant& grant) const {
    grant.require(core::EngagementAction::view);
    storage::Connection c(env_.db);
    auto engagement = storage::EngagementRepository(c).find(grant.engagement_id());
    if (!engagement) throw std::logic_error("granted engagement not found");
    const auto& course = course_of(env_.content, *engagement);
    std::vector<DocumentOverviewItem> items;
    for (const auto& entry : core::documents::document_kinds) {
        auto source = sources_.find(entry.value);
        // Every kind has a source once its domain exists; the overview refuses to guess one.
        if (source == sources_.end()) continue;
        auto statuses = source->second(c, {engagement->id});
        auto found = statuses.find(engagement->id);
        core::documents::DocumentStatus status{
            entry.value, core::documents::DocumentState::not_started, std::nullopt, std::nullopt};
        if (found != statuses.end()) status = found->second;
        items.push_back({status, sessions_working_on(course, entry.value)});
    }
    return items;
}

}  // namespace shido::services
