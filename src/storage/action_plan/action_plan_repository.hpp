#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/action_plan/action_plan.hpp"
#include "core/documents/document_status.hpp"
#include "storage/database.hpp"

namespace shido::storage {

// One engagement's stored plan: its rows by position and where it stands.
struct StoredActionPlan {
    core::Id engagement_id = 0;
    std::string content_id;
    int content_version = 0;
    core::action_plan::PlanVersions versions;
    core::Timestamp updated_at = 0;
    std::optional<std::string> updated_by_name;
    std::optional<std::string> approved_by_name;
    std::optional<core::Timestamp> approved_at;
    std::optional<core::Timestamp> submitted_at;
    std::vector<core::action_plan::Measure> measures;
};

// A version the owner approved, as it was then.
struct ApprovedActionPlan {
    int version = 0;
    std::vector<core::action_plan::Measure> measures;
    std::string approved_by_name;
    core::Timestamp approved_at = 0;
};

// action_plans (one per engagement), action_plan_measures (its rows) and
// action_plan_versions (every approved version).
class ActionPlanRepository {
  public:
    explicit ActionPlanRepository(Connection& c) : c_(c) {}

    std::optional<StoredActionPlan> find(core::Id engagement_id);
    // Writes the rows if the plan is still at `expected_version` (0: none yet), bumping the
    // version: rows with an id are updated in place (their sources kept as given), rows with id
    // 0 are inserted, stored rows not in `measures` are deleted. False when someone wrote first.
    bool save(core::Id engagement_id, const std::string& content_id, int content_version,
              const std::vector<core::action_plan::Measure>& measures, int expected_version,
              core::Id by, core::Timestamp now);
    // Keeps the plan at `version` as approved by `by`; false when the plan moved on.
    bool approve(core::Id engagement_id, int version,
                 const std::vector<core::action_plan::Measure>& measures, core::Id by,
                 core::Timestamp now);
    // The approved `version` handed to the secretariat; false when it is no longer the plan's.
    bool submit(core::Id engagement_id, int version, const nlohmann::json& snapshot,
                core::Timestamp now);
    std::optional<nlohmann::json> submitted(core::Id engagement_id);
    // The latest approved version, or nullopt before any approval.
    std::optional<ApprovedActionPlan> approved(core::Id engagement_id);

    // The status of each given engagement in one query (no plan: not_started).
    std::map<core::Id, core::documents::DocumentStatus> statuses(
        const std::vector<core::Id>& engagement_ids);

  private:
    void write_measures(core::Id engagement_id,
                        const std::vector<core::action_plan::Measure>& measures);
    Connection& c_;
};

}  // namespace shido::storage
