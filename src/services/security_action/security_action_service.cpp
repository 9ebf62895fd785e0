#include "services/security_action/security_action_service.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "storage/diagnosis/diagnosis_repository.hpp"
#include "storage/engagements/engagement_repository.hpp"
#include "storage/policy/policy_repository.hpp"

namespace shido::services {

SecurityActionView SecurityActionService::get(const EngagementGrant& grant) const {
    grant.require(core::EngagementAction::view);
    storage::Connection c(env_.db);
    if (!storage::EngagementRepository(c).find(grant.engagement_id()))
        core::throw_not_found("指導案件");
    // Only whether each fact holds is read (no content of the rounds or of the policy), so
    // the whole engagement may see it.
    auto rounds = storage::DiagnosisRepository(c).list_rounds(grant.engagement_id());
    auto head = storage::PolicyRepository(c).head(grant.engagement_id());
    SecurityActionView view;
    view.spec = &env_.content.security_action;
    view.facts.self_assessment_finished = std::any_of(
        rounds.begin(), rounds.end(), [](const auto& round) { return round.status == "closed"; });
    view.facts.policy_approved = head && head->approved_number.has_value();
    view.facts.policy_published = head && head->public_number.has_value();
    view.readiness = core::security_action::readiness(*view.spec, view.facts);
    return view;
}

}  // namespace shido::services
