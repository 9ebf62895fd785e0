#pragma once
#include <optional>
#include <string>

#include "core/course/report.hpp"
#include "storage/database.hpp"

namespace shido::storage {

class ReportRepository {
  public:
    explicit ReportRepository(Connection& c) : c_(c) {}

    std::optional<core::SessionReport> find(core::Id engagement_id, int session_no);
    // A new draft; false when another request made this session's report first.
    bool insert_draft(core::Id engagement_id, int session_no, const core::ReportBody& body,
                      core::Timestamp now);
    // The working copy, if the report is still at `expected_version` and in `state`.
    bool save_body(core::Id report_id, const core::ReportBody& body, int expected_version,
                   core::ReportState state, core::Timestamp now);
    // Moves the report along one row of the workflow, if nobody moved it since it was read;
    // `submitted` replaces the secretariat's copy (on submit), and the step is kept.
    bool transition(core::Id report_id, const core::ReportTransition& t, int expected_version,
                    const std::optional<core::SubmittedReport>& submitted,
                    std::optional<core::Id> actor_id, const std::string& actor_name,
                    const std::string& comment, core::Timestamp now);

  private:
    Connection& c_;
};

}  // namespace shido::storage
