#pragma once
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"

namespace shido::services {

// Resolves the engagement behind an anchored record and asks the access policy. The HTTP
// dispatcher calls it for every route that declares an engagement action, before the handler.
class AccessService {
  public:
    explicit AccessService(ServiceEnv env) : env_(env) {}

    // 404 when the record does not exist, 403 when the policy forbids the action.
    EngagementGrant grant(const RequestContext& ctx, core::Anchor anchor, core::Id id,
                          core::EngagementAction action) const;

  private:
    ServiceEnv env_;
};

}  // namespace shido::services
