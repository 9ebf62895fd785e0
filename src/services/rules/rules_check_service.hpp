#pragma once
#include <optional>

#include <nlohmann/json.hpp>

#include "content/regulations.hpp"
#include "core/documents/document_status.hpp"
#include "core/office/sheet_cells.hpp"
#include "core/rules/rules_check.hpp"
#include "core/rules/rules_document.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"

namespace shido::services {

// One engagement's 様式2 sheet as people see it: a row per category (blank rows before anything
// is stored), the categories' texts, the counts per result and where it stands.
struct RulesCheckView {
    core::rules::RulesCheck check;
    const content::Regulations* regulations = nullptr;
    core::rules::RulesSummary summary;
    core::documents::DocumentState state = core::documents::DocumentState::not_started;
};

struct SubmittedRulesDocument {
    core::rules::RulesDocument document;
    int version = 0;
    core::Timestamp submitted_at = 0;
};

class RulesCheckService {
  public:
    explicit RulesCheckService(ServiceEnv env) : env_(env) {}

    RulesCheckView get(const EngagementGrant& grant);  // view_documents
    // One category's row; `version` is the sheet's (0 or absent before the first save).
    RulesCheckView save_row(const RequestContext& ctx, const EngagementGrant& grant,  // edit
                            int category_no, const core::rules::RowInput& input,
                            std::optional<int> version);
    // The whole sheet from an edited .xlsx: every cell checked, all rows or none.
    RulesCheckView import(const RequestContext& ctx, const EngagementGrant& grant,  // edit
                          const core::office::SheetCells& sheet, std::optional<int> version);
    // Hands the sheet at `version` to the secretariat as a snapshot.
    RulesCheckView submit(const RequestContext& ctx, const EngagementGrant& grant,  // submit
                          std::optional<int> version);
    // The snapshot as submitted (view_submitted_documents); 409 before any submission.
    nlohmann::json submitted(const EngagementGrant& grant);
    // Where the sheet stands, for the engagement page (view).
    core::documents::DocumentStatus status(const EngagementGrant& grant);
    // The sheet as a document for the .xlsx export (view_documents).
    core::rules::RulesDocument document(const EngagementGrant& grant);
    // The sheet as submitted, as a document for the submission package
    // (view_submitted_documents); nothing before the first submission.
    std::optional<SubmittedRulesDocument> submitted_document(const EngagementGrant& grant);

  private:
    ServiceEnv env_;
};

}  // namespace shido::services
