#include "services/action_plan/action_plan_sheet_views.hpp"

#include "services/action_plan/action_plan_views.hpp"

namespace shido::services {

nlohmann::json to_json(const ActionPlanImportPreview& preview) {
    return {{"version", preview.version},
            {"rows", preview.rows},
            {"changes", to_json(preview.changes)}};
}

}  // namespace shido::services
