#include "services/package/package_service.hpp"

#include "core/error.hpp"
#include "storage/engagements/engagement_repository.hpp"

namespace shido::services {

std::string PackageService::company_name(const EngagementGrant& grant) const {
    grant.require(core::EngagementAction::view_submitted_documents);
    storage::Connection c(env_.db);
    auto engagement = storage::EngagementRepository(c).find(grant.engagement_id());
    if (!engagement) core::throw_not_found("指導案件");
    return engagement->company_name;
}

}  // namespace shido::services
