#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/access/access_policy.hpp"
#include "core/engagements/engagement.hpp"
#include "core/paging/page.hpp"
#include "storage/database.hpp"

namespace shido::storage {

enum class EngagementOrder { newest, company };

// Which engagements a list returns: the actor's visible scope (from the access policy), which
// the user-chosen filters only narrow, one sort and one page of it.
struct EngagementQuery {
    core::VisibleScope scope;
    std::optional<core::Id> expert_id;
    std::optional<core::EngagementStatus> status;
    std::string company_name_contains;
    EngagementOrder order = EngagementOrder::newest;
    core::PageRequest page;
};

class EngagementRepository {
  public:
    explicit EngagementRepository(Connection& c) : c_(c) {}

    core::Id insert(const core::Engagement& engagement, core::Timestamp now);
    // Returns false when `expected_version` is stale (someone else updated first).
    bool update(const core::Engagement& engagement, int expected_version, core::Timestamp now);
    std::optional<core::Engagement> find(core::Id id);
    core::Page<core::Engagement> page(const EngagementQuery& query);

  private:
    Connection& c_;
};

}  // namespace shido::storage
