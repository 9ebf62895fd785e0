#pragma once
#include <optional>
#include <string>

#include "content/curriculum.hpp"
#include "core/course/report.hpp"
#include "core/engagements/engagement.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"
#include "storage/database.hpp"

namespace shido::services {

// A report as one reader may see it. The expert sees the working copy and the submitted one;
// the secretariat and the owner see only what was submitted.
struct ReportView {
    std::optional<core::SessionReport> report;
    bool working_copy = false;              // the reader is the report's author
    std::optional<core::ReportBody> draft;  // the expert's starting point while none exists
    core::Engagement engagement;
    const content::Curriculum* course = nullptr;
    const content::CurriculumSession* session = nullptr;
};

// What the PDF shows: the submitted copy for readers other than the author; the author's
// working copy (or a fresh draft) for the author.
core::ReportDocument report_document(const ReportView& view);

inline constexpr std::size_t max_report_deliverables = 20;
inline constexpr std::size_t max_review_comment_chars = 2000;

// 実施報告: the expert writes it after a session from a draft built from the session record,
// submits it; the secretariat accepts it or returns it with a comment; the expert revises and
// resubmits. The moves are core::report_transitions(); each is kept with who, when, comment.
class ReportService {
  public:
    explicit ReportService(ServiceEnv env) : env_(env) {}

    ReportView get(const RequestContext& ctx, const EngagementGrant& grant,  // view_reports
                   int session_no);
    // The working copy; `version` 0 creates it. Refused once the report is with the
    // secretariat or accepted.
    ReportView save(const RequestContext& ctx, const EngagementGrant& grant,  // write_records
                    int session_no, const core::ReportBody& body, std::optional<int> version);
    // A fresh draft from the session record and plan (nothing stored).
    core::ReportBody draft(const EngagementGrant& grant, int session_no);       // write_records
    ReportView submit(const RequestContext& ctx, const EngagementGrant& grant,  // write_records
                      int session_no, std::optional<int> version);
    ReportView review(const RequestContext& ctx, const EngagementGrant& grant,  // review_reports
                      int session_no, core::ReportEvent event, const std::string& comment,
                      std::optional<int> version);

  private:
    ReportView view_of(storage::Connection& c, const RequestContext& ctx,
                       const EngagementGrant& grant, int session_no);
    ReportView transition(const RequestContext& ctx, const EngagementGrant& grant, int session_no,
                          core::ReportEvent event, const std::string& comment,
                          std::optional<int> version);
    ServiceEnv env_;
};

}  // namespace shido::services
