#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/course/report_workflow.hpp"
#include "core/documents/document_status.hpp"
#include "core/final_report/final_report.hpp"
#include "storage/database.hpp"

namespace shido::storage {

// 最終報告書: one per engagement (final_reports, final_report_steps; migration 013).
class FinalReportRepository {
  public:
    explicit FinalReportRepository(Connection& c) : c_(c) {}

    std::optional<core::final_report::FinalReport> find(core::Id engagement_id);
    // A new working copy; false when another request made it first.
    bool insert(core::Id engagement_id, const core::final_report::Body& body, core::Timestamp now);
    // The working copy, if the report is still at `expected_version` and with the expert.
    bool save_body(core::Id engagement_id, const core::final_report::Body& body,
                   int expected_version, core::Timestamp now);
    // One row of core::report_transitions(), if nobody moved the report since it was read;
    // `submitted` (on submit) replaces the secretariat's copy. The step is kept.
    bool transition(core::Id engagement_id, const core::ReportTransition& t, int expected_version,
                    const std::optional<core::final_report::Body>& submitted,
                    std::optional<core::Id> actor_id, const std::string& actor_name,
                    const std::string& comment, core::Timestamp now);
    // Where the reports of many engagements stand, in one query (engagement page, dashboard).
    std::map<core::Id, core::documents::DocumentStatus> statuses(
        const std::vector<core::Id>& engagement_ids);

  private:
    Connection& c_;
};

}  // namespace shido::storage
