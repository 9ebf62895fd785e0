#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "content/curriculum.hpp"
#include "core/documents/document_file.hpp"
#include "core/documents/document_status.hpp"
#include "core/engagements/engagement.hpp"
#include "core/final_report/final_report.hpp"
#include "core/final_report/final_report_document.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"
#include "services/documents/document_overview_service.hpp"
#include "storage/database.hpp"

namespace shido::services {

// A final report as one reader may see it. The expert sees the working copy (or, while none is
// stored, the draft from the engagement's facts); the secretariat and the owner see only what
// was submitted.
struct FinalReportView {
    std::optional<core::final_report::FinalReport> report;
    bool working_copy = false;                      // the reader is the author
    std::optional<core::final_report::Body> draft;  // the author's start while none exists
    core::Engagement engagement;
    const core::final_report::Labels* labels = nullptr;
    std::string course_title;
};

inline constexpr std::size_t max_final_report_comment_chars = 2000;

// 最終報告書: the expert drafts it from the engagement (sessions, 自社診断, policy, 様式2, the
// plan), adds their evaluation, submits it; the secretariat returns it with a comment or
// accepts it; the moves are the 実施報告's core::report_transitions(), each kept with who,
// when and the comment, each audited.
class FinalReportService {
  public:
    // `statuses`: the documents' status readers (Services::document_statuses()); the plan's
    // state is read through it, so the draft sees the action plan once its domain is there.
    FinalReportService(ServiceEnv env,
                       std::map<core::documents::DocumentKind, DocumentStatusesSource> statuses)
        : env_(env), statuses_(std::move(statuses)) {}

    FinalReportView get(const RequestContext& ctx, const EngagementGrant& grant);  // view_reports
    // The working copy's texts; `version` 0 creates it (with the facts of a fresh draft).
    FinalReportView save(const RequestContext& ctx, const EngagementGrant& grant,  // write_records
                         const core::final_report::Body& texts, std::optional<int> version);
    // 下書きを再作成: the facts and the generated sections written anew, the expert's own
    // sections (support, evaluation) kept. Stored (a version like a save).
    FinalReportView refresh(const RequestContext& ctx, const EngagementGrant& grant,  // write
                            std::optional<int> version);
    FinalReportView submit(const RequestContext& ctx, const EngagementGrant& grant,  // write
                           std::optional<int> version);
    // return_to_expert (comment required) or accept.
    FinalReportView review(const RequestContext& ctx, const EngagementGrant& grant,  // review
                           core::ReportEvent event, const std::string& comment,
                           std::optional<int> version);
    // What the PDF shows: the submitted copy for others, the working copy for the author.
    core::final_report::Document document(const RequestContext& ctx,
                                          const EngagementGrant& grant);  // view_reports
    // Where the report stands, for the engagement page (view).
    core::documents::DocumentStatus status(const EngagementGrant& grant);
    // For the submission package: the accepted (else the latest submitted) copy's PDF; the
    // secretariat's acceptance is its "approval". 409 before any submission. Services link no
    // exports, so the caller hands in the renderer (exports::render_final_report_pdf).
    using PdfRenderer = std::function<std::string(const core::final_report::Document&)>;
    core::documents::DocumentFile package_file(
        const EngagementGrant& grant,  // view_submitted_documents
        const PdfRenderer& render_pdf);

    // The engagement's facts as the draft takes them (write_records).
    core::final_report::Facts facts(const EngagementGrant& grant);

  private:
    FinalReportView view_of(storage::Connection& c, const RequestContext& ctx,
                            const EngagementGrant& grant, bool with_draft) const;
    core::final_report::Facts facts_in(storage::Connection& c, const core::Engagement& e,
                                       const content::Curriculum& course) const;
    FinalReportView transition(const RequestContext& ctx, const EngagementGrant& grant,
                               core::ReportEvent event, const std::string& comment,
                               std::optional<int> version);
    ServiceEnv env_;
    std::map<core::documents::DocumentKind, DocumentStatusesSource> statuses_;
};

}  // namespace shido::services
