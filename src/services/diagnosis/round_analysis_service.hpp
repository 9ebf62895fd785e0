#pragma once
#include <optional>

#include "core/diagnosis/report.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"
#include "services/diagnosis/diagnosis_types.hpp"

namespace shido::services {

// What the answers of a round say (totals, role gaps, drill-down), how two rounds compare, and
// the report the exports render. Reads only; every call takes a manage_diagnosis grant but the
// submission package's.
class RoundAnalysisService {
  public:
    explicit RoundAnalysisService(ServiceEnv env) : env_(env) {}

    AnalysisResult analysis(const EngagementGrant& round);
    // Two rounds of the granted engagement, of the same edition.
    Comparison compare(const EngagementGrant& engagement, core::Id from, core::Id to);
    core::diagnosis::DiagnosisReport report(const EngagementGrant& round);
    // The report of the engagement's latest closed (finished) round, for the submission
    // package; takes a view_submitted_documents grant. Nothing while no round is closed.
    std::optional<core::diagnosis::DiagnosisReport> latest_closed_report(
        const EngagementGrant& engagement);

  private:
    core::diagnosis::DiagnosisReport report_of(storage::Connection& c,
                                               const storage::RoundRow& round);
    AnalysisResult analyse(storage::Connection& c, const storage::RoundRow& round);
    ServiceEnv env_;
};

}  // namespace shido::services
