#pragma once
#include "core/diagnosis/report.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"
#include "services/diagnosis/diagnosis_types.hpp"

namespace shido::services {

// What the answers of a round say (totals, role gaps, drill-down), how two rounds compare, and
// the report the exports render. Reads only; every call takes a manage_diagnosis grant.
class RoundAnalysisService {
  public:
    explicit RoundAnalysisService(ServiceEnv env) : env_(env) {}

    AnalysisResult analysis(const EngagementGrant& round);
    // Two rounds of the granted engagement, of the same edition.
    Comparison compare(const EngagementGrant& engagement, core::Id from, core::Id to);
    core::diagnosis::DiagnosisReport report(const EngagementGrant& round);

  private:
    AnalysisResult analyse(storage::Connection& c, const storage::RoundRow& round);
    ServiceEnv env_;
};

}  // namespace shido::services
