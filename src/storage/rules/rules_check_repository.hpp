#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/documents/document_status.hpp"
#include "core/rules/rules_check.hpp"
#include "storage/database.hpp"

namespace shido::storage {

// The 様式2 sheets: rules_checks (one per engagement, with the version and the submitted
// snapshot) and rules_check_rows (one per category).
class RulesCheckRepository {
  public:
    explicit RulesCheckRepository(Connection& c) : c_(c) {}

    // The stored sheet with its rows, or nullopt when nobody wrote to it yet.
    std::optional<core::rules::RulesCheck> find(core::Id engagement_id);
    // Writes every row of `check` if the sheet is still at `expected_version` (0: none yet),
    // bumping the version; false when someone else wrote first.
    bool save(const core::rules::RulesCheck& check, int expected_version, core::Id by,
              core::Timestamp now);
    // Keeps `snapshot` as what the secretariat reads, for the sheet at `version`; false when
    // the sheet moved on.
    bool submit(core::Id engagement_id, int version, const nlohmann::json& snapshot, core::Id by,
                core::Timestamp now);
    std::optional<nlohmann::json> submitted(core::Id engagement_id);

    // For the dashboard and the engagement page: the status of each given engagement in one
    // query (engagements without a sheet are not_started).
    std::map<core::Id, core::documents::DocumentStatus> statuses(
        const std::vector<core::Id>& engagement_ids);

  private:
    void write_rows(const core::rules::RulesCheck& check);
    Connection& c_;
};

}  // namespace shido::storage
