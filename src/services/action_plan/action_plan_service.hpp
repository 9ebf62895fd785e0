#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "content/action_plan.hpp"
#include "core/action_plan/action_plan.hpp"
#include "core/documents/document_status.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"
#include "storage/action_plan/action_plan_repository.hpp"

namespace shido::services {

// What a measure comes from, resolved to the texts the thread shows.
struct PlanThreadItem {
    int no = 0;
    std::string topic;    // the diagnosis item's topic
    std::string finding;  // 課題
};
struct PlanThreadRule {
    int no = 0;
    std::string name;          // the rule category
    std::string result_label;  // 新規に作成 / 改定
    bool direct = false;       // the measure was built from it (else: same area)
};
struct PlanMeasureView {
    core::action_plan::Measure measure;
    int priority = 0;  // 1: first by the priority rule
    bool beyond_horizon = false;
    std::vector<PlanThreadItem> items;
    std::vector<PlanThreadRule> rules;
};

// One engagement's 様式3 as people see it.
struct ActionPlanView {
    core::Id engagement_id = 0;
    const content::ActionPlanContent* content = nullptr;
    std::optional<storage::StoredActionPlan> stored;  // nullopt: nothing saved yet
    core::action_plan::PlanDates dates;
    std::vector<PlanMeasureView> measures;  // in priority order
    std::vector<core::action_plan::Coverage> coverage;
    core::documents::DocumentState state = core::documents::DocumentState::not_started;
    int version() const { return stored ? stored->versions.version : 0; }
};

struct ActionPlanBuilt {
    ActionPlanView view;
    int added = 0;
};

// What the xlsx export and the submission package take: the approved measures as they were.
struct ApprovedActionPlanSnapshot {
    const content::ActionPlanContent* content = nullptr;
    std::string company_name;
    int version = 0;
    std::vector<core::action_plan::Measure> measures;  // by position
    std::string approved_by_name;
    core::Timestamp approved_at = 0;
};

class ActionPlanService {
  public:
    explicit ActionPlanService(ServiceEnv env) : env_(env) {}

    ActionPlanView get(const EngagementGrant& grant);  // view_documents
    // The same view for one about to change the plan (edit_documents): what an import checks
    // a file against.
    ActionPlanView editing(const EngagementGrant& grant);
    // The whole sheet (the screen, the Excel import): rows with an id keep that row and its
    // sources, id 0 adds one, an unknown id is refused naming the row; `expected_version` is
    // the plan's (0 before the first save). Audited.
    ActionPlanView save(const RequestContext& ctx, const EngagementGrant& grant,  // edit
                        std::optional<int> expected_version,
                        std::vector<core::action_plan::Measure> incoming);
    // What save would change, without writing (edit_documents).
    core::action_plan::SheetChanges preview(
        const EngagementGrant& grant, const std::vector<core::action_plan::Measure>& incoming);
    // Adds rows for the key findings and the new/revised rule categories not yet in the plan.
    ActionPlanBuilt build(const RequestContext& ctx, const EngagementGrant& grant,  // edit
                          std::optional<int> expected_version);
    // The owner approves the plan at `version` (who and when kept with a copy of it).
    ActionPlanView approve(const RequestContext& ctx, const EngagementGrant& grant,
                           std::optional<int> version);
    // The expert hands the approved version to the secretariat.
    ActionPlanView submit(const RequestContext& ctx, const EngagementGrant& grant,
                          std::optional<int> version);
    nlohmann::json submitted(const EngagementGrant& grant);  // view_submitted_documents
    core::documents::DocumentStatus status(const EngagementGrant& grant);  // view
    // 409 before any approval (view_documents).
    ApprovedActionPlanSnapshot approved_snapshot(const EngagementGrant& grant);
    // Checks rows as parsed from a request or a file (keys → enums) against the plan's content.
    const core::action_plan::PlanRules& rules() const;

  private:
    ServiceEnv env_;
};

}  // namespace shido::services
