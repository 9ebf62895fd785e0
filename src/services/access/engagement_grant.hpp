#pragma once
#include "core/access/access_policy.hpp"
#include "core/access/anchor.hpp"

namespace shido::services {

class AccessService;

// Proof that the access policy allowed one action on one engagement, reached through one
// anchored record. Only AccessService makes grants, so a use case that takes one cannot run
// unchecked; the use case states which action and anchor it needs (`require`, `id_of`), and a
// route that declared another one fails loudly instead of running with the wrong check.
class EngagementGrant {
  public:
    // The engagement judged (std::logic_error for a company grant: a company has several).
    core::Id engagement_id() const;
    const core::EngagementScope& scope() const { return scope_; }
    core::EngagementAction action() const { return action_; }
    // The id of the anchored record (the round, the respondent…) the grant was made for.
    core::Id id_of(core::Anchor anchor) const;
    // Throws std::logic_error unless the grant was checked for `action`.
    void require(core::EngagementAction action) const;

  private:
    friend class AccessService;
    EngagementGrant(core::Anchor anchor, core::Id anchor_id, core::Id engagement_id,
                    core::EngagementScope scope, core::EngagementAction action)
        : anchor_(anchor),
          anchor_id_(anchor_id),
          engagement_id_(engagement_id),
          scope_(scope),
          action_(action) {}

    core::Anchor anchor_;
    core::Id anchor_id_;
    core::Id engagement_id_;
    core::EngagementScope scope_;
    core::EngagementAction action_;
};

}  // namespace shido::services
