// 自社診断, the expert's 課題整理: notes and priorities per item of a round.
#include "core/diagnosis/findings.hpp"
#include "http/api_routes.hpp"
#include "http/diagnosis/diagnosis_bodies.hpp"
#include "services/diagnosis/diagnosis_views.hpp"

namespace shido::http {

std::vector<Route> diagnosis_finding_routes(services::Services& s) {
    using core::Anchor;
    using core::EngagementAction;
    auto& findings = s.diagnosis.findings;
    return {
        // The drill-down notes are a working record: not the secretariat's to read.
        {Method::get, "/api/v1/diagnosis/rounds/{id}/findings",
         on(Anchor::diagnosis_round, EngagementAction::view_records),
         [&findings](ApiCall& call) {
             auto list = findings.list(call.engagement());
             nlohmann::json items = nlohmann::json::array(), priorities = nlohmann::json::array();
             for (const auto& f : list) items.push_back(services::to_json(f));
             for (const auto& f : core::diagnosis::prioritise(list))
                 priorities.push_back(services::to_json(f));
             return ApiResponse{
                 200, nlohmann::json{{"items", items}, {"priorities", priorities}}, {}};
         }},
        {Method::put, "/api/v1/diagnosis/rounds/{id}/findings/{item_no}",
         on(Anchor::diagnosis_round, EngagementAction::record_findings),
         [&findings](ApiCall& call) {
             auto item_no = item_no_of(call);
             auto saved =
                 findings.save(call.ctx, call.engagement(), finding_of(call.body, item_no));
             return ApiResponse{200, services::to_json(saved), {}};
         }},
    };
}

}  // namespace shido::http
