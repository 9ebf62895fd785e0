#pragma once
#include <vector>

#include "core/diagnosis/findings.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"

namespace shido::services {

// 課題整理: the expert's notes and priorities per item of a round. Reading them is part of
// the analysis (manage_diagnosis); writing them is the expert's (record_findings).
class FindingService {
  public:
    explicit FindingService(ServiceEnv env) : env_(env) {}

    std::vector<core::diagnosis::Finding> list(const EngagementGrant& round);
    core::diagnosis::Finding save(const RequestContext& ctx, const EngagementGrant& round,
                                  core::diagnosis::Finding finding);

  private:
    ServiceEnv env_;
};

}  // namespace shido::services
