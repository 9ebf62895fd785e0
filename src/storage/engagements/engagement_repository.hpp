#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/access/access_policy.hpp"
#include "core/engagements/engagement.hpp"
#include "storage/database.hpp"

namespace shido::storage {

// Which engagements a list returns. The service fills the scope fields from the access
// policy; the user-chosen filters only narrow it further.
struct EngagementQuery {
    std::optional<core::Id> only_expert;   // scope or filter
    std::optional<core::Id> only_company;  // scope
    std::optional<core::EngagementStatus> status;
    std::string company_name_contains;
};

class EngagementRepository {
  public:
    explicit EngagementRepository(Connection& c) : c_(c) {}

    core::Id insert(const core::Engagement& engagement, core::Timestamp now);
    // Returns false when `expected_version` is stale (someone else updated first).
    bool update(const core::Engagement& engagement, int expected_version, core::Timestamp now);
    std::optional<core::Engagement> find(core::Id id);
    std::optional<core::EngagementScope> scope_of(core::Id id);
    std::vector<core::Engagement> list(const EngagementQuery& query);
    bool expert_has_company(core::Id expert_id, core::Id company_id);

  private:
    Connection& c_;
};

}  // namespace shido::storage
