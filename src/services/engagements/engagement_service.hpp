#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/engagements/engagement.hpp"
#include "services/context.hpp"

namespace shido::services {

struct SessionDateInput {
    int no = 0;
    std::optional<std::string> planned_date;  // null clears it
};

struct EngagementInput {
    std::optional<core::Id> company_id;                // create only
    std::optional<std::optional<core::Id>> expert_id;  // null unassigns
    std::optional<std::string> status;
    std::vector<SessionDateInput> sessions;
    std::optional<int> version;  // required by update
};

struct EngagementFilter {
    std::optional<std::string> status;
    std::optional<core::Id> expert_id;
    std::string company_name_contains;
};

class EngagementService {
  public:
    explicit EngagementService(ServiceEnv env) : env_(env) {}

    std::vector<core::Engagement> list(const RequestContext& ctx, const EngagementFilter& filter);
    core::Engagement get(const RequestContext& ctx, core::Id id);
    core::Engagement create(const RequestContext& ctx, const EngagementInput& input);
    core::Engagement update(const RequestContext& ctx, core::Id id, const EngagementInput& input);
    // Throws unless the actor may perform `action` on the engagement (404 when it does not exist).
    void authorize(const RequestContext& ctx, core::Id id, core::EngagementAction action);

  private:
    ServiceEnv env_;
};

}  // namespace shido::services
