#include "services/access/access_service.hpp"

#include <stdexcept>
#include <string>

#include "core/error.hpp"
#include "storage/access/anchor_repository.hpp"

namespace shido::services {

core::Id EngagementGrant::engagement_id() const {
    if (anchor_ == core::Anchor::company)
        throw std::logic_error("a company grant names no single engagement");
    return engagement_id_;
}

core::Id EngagementGrant::id_of(core::Anchor anchor) const {
    if (anchor != anchor_)
        throw std::logic_error("grant made for " + std::string(core::to_string(anchor_)) +
                               ", used for " + std::string(core::to_string(anchor)));
    return anchor_id_;
}

void EngagementGrant::require(core::EngagementAction action) const {
    if (action != action_)
        throw std::logic_error("grant checked for " + std::string(core::to_string(action_)) +
                               ", use case needs " + std::string(core::to_string(action)));
}

EngagementGrant AccessService::grant(const RequestContext& ctx, core::Anchor anchor, core::Id id,
                                     core::EngagementAction action) const {
    storage::Connection c(env_.db);
    auto found = storage::find_anchored_engagement(c, anchor, id, ctx.actor);
    if (!found) core::throw_not_found(std::string(core::label_ja(anchor)));
    if (!core::may(ctx.actor, action, found->scope))
        throw core::DomainError(core::ErrorCode::forbidden,
                                anchor == core::Anchor::company
                                    ? "この企業の情報を扱う権限がありません。"
                                    : "この指導案件でこの操作を行う権限がありません。");
    return EngagementGrant(anchor, id, found->engagement_id, found->scope, action);
}

}  // namespace shido::services
