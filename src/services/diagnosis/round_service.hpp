#pragma once
#include <optional>
#include <string>
#include <vector>

#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"
#include "services/diagnosis/diagnosis_types.hpp"

namespace shido::services {

// Rounds of the self-assessment (第1回前, 第4回前…) and the list of their answer sheets.
// Every call takes a manage_diagnosis grant (on the engagement, or on the round).
class RoundService {
  public:
    explicit RoundService(ServiceEnv env) : env_(env) {}

    std::vector<storage::RoundRow> list(const EngagementGrant& engagement);
    storage::RoundRow open(const RequestContext& ctx, const EngagementGrant& engagement,
                           const std::string& name);
    RoundDetail get(const EngagementGrant& round);
    storage::RoundRow update(const RequestContext& ctx, const EngagementGrant& round,
                             const std::optional<std::string>& name,
                             const std::optional<std::string>& status);
    core::Page<storage::RespondentRow> respondents(const EngagementGrant& round,
                                                   const RespondentFilter& filter);

  private:
    ServiceEnv env_;
};

}  // namespace shido::services
