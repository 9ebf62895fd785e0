#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/engagements/engagement.hpp"
#include "core/paging/page.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"

namespace shido::services {

// One session's plan as sent: each field absent (kept), null (cleared) or a value.
struct SessionInput {
    using Field = std::optional<std::optional<std::string>>;
    SessionInput() = default;
    SessionInput(int session_no, Field date = {}) : no(session_no), planned_date(std::move(date)) {}

    int no = 0;
    Field planned_date, start_time, end_time, mode, meeting_tool, meeting_url, place;
};

struct EngagementInput {
    std::optional<core::Id> company_id;                // create only
    std::optional<std::optional<core::Id>> expert_id;  // null unassigns
    std::optional<std::string> status;
    std::vector<SessionInput> sessions;
    std::optional<int> version;  // required by update
};

struct EngagementFilter {
    std::optional<std::string> status;
    std::optional<core::Id> expert_id;
    std::string company_name_contains;
    std::string sort;  // newest (default) or company
    core::PageRequest page;
};

class EngagementService {
  public:
    explicit EngagementService(ServiceEnv env) : env_(env) {}

    // The engagements the actor may see (core::visible_scope), filtered, one page at a time.
    core::Page<core::Engagement> list(const RequestContext& ctx, const EngagementFilter& filter);
    core::Engagement get(const EngagementGrant& grant);  // view
    core::Engagement create(const RequestContext& ctx, const EngagementInput& input);
    core::Engagement update(const RequestContext& ctx, const EngagementGrant& grant,  // edit_plan
                            const EngagementInput& input);

  private:
    ServiceEnv env_;
};

}  // namespace shido::services
