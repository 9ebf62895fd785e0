#include "services/access/record_read_service.hpp"

#include "core/accounts/role.hpp"

namespace shido::services {

void RecordReadService::note(const RequestContext& ctx, const EngagementGrant& grant,
                             const std::string& path) {
    auto label = core::logged_read_label(grant.action());
    if (!label || core::is_company_relation(core::relation_of(ctx.actor, grant.scope()))) return;
    storage::RecordRead read;
    read.at = env_.now();
    read.reader_name = ctx.actor.name;
    read.reader_role = std::string(core::to_string(ctx.actor.role));
    read.record = std::string(*label);
    read.path = path;
    storage::Connection c(env_.db);
    storage::RecordReadRepository(c).add(grant.engagement_id(), ctx.actor.user_id, read);
}

core::Page<storage::RecordRead> RecordReadService::list(const EngagementGrant& grant,
                                                        const core::PageRequest& page) {
    grant.require(core::EngagementAction::view_record_reads);
    storage::Connection c(env_.db);
    return storage::RecordReadRepository(c).page(grant.engagement_id(), page);
}

}  // namespace shido::services
