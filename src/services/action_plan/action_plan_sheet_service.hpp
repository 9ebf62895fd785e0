#pragma once
#include <optional>

#include "core/action_plan/plan_document.hpp"
#include "core/documents/document_file.hpp"
#include "core/office/sheet_cells.hpp"
#include "services/action_plan/action_plan_service.hpp"

namespace shido::services {

// What importing a file would change, and the version the import must then name.
struct ActionPlanImportPreview {
    int version = 0;
    int rows = 0;
    core::action_plan::SheetChanges changes;
};

// The 様式3 workbook and PDF: the plan laid out as the form (current or approved version), and
// a workbook edited in Excel read back into the plan. The import goes through the plan's own
// whole-sheet save, so it is validated, versioned and audited exactly like the screen.
class ActionPlanSheetService {
  public:
    ActionPlanSheetService(ServiceEnv env, ActionPlanService& plans) : env_(env), plans_(plans) {}

    core::action_plan::PlanDocument document(const EngagementGrant& grant);  // view_documents
    // The approved version as the form, for the submission package; 409 before any approval.
    struct Approved {
        core::action_plan::PlanDocument document;
        int version = 0;
        std::string approved_by_name;
        core::Timestamp approved_at = 0;
    };
    Approved approved_document(const EngagementGrant& grant);  // view_documents
    // The version handed to the secretariat, as the form (view_submitted_documents); nothing
    // before the expert submitted one.
    std::optional<Approved> submitted_document(const EngagementGrant& grant);

    ActionPlanImportPreview preview_import(const EngagementGrant& grant,  // edit_documents
                                           const core::office::SheetCells& sheet);
    ActionPlanView import(const RequestContext& ctx, const EngagementGrant& grant,  // edit
                          const core::office::SheetCells& sheet, std::optional<int> version);

  private:
    std::vector<core::action_plan::Measure> read_sheet(const ActionPlanView& view,
                                                       const core::office::SheetCells& sheet);
    ServiceEnv env_;
    ActionPlanService& plans_;
};

}  // namespace shido::services
