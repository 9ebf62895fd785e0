#pragma once
#include <optional>

#include "core/access/access_policy.hpp"
#include "core/access/anchor.hpp"
#include "storage/database.hpp"

namespace shido::storage {

// The engagement a record belongs to, with what the access policy needs to judge it.
struct AnchoredEngagement {
    core::Id engagement_id = 0;  // 0 for a company (it may have several engagements)
    core::EngagementScope scope;
};

// Finds the engagement of an anchored record in one indexed read (prepared per connection:
// every engagement-level request starts here). Empty when the record does not exist.
// A company has no single expert: its scope names `actor` as the expert exactly when `actor`
// is assigned to one of the company's engagements, which is what "may view" means for it.
std::optional<AnchoredEngagement> find_anchored_engagement(Connection& c, core::Anchor anchor,
                                                           core::Id id, const core::Actor& actor);

}  // namespace shido::storage
