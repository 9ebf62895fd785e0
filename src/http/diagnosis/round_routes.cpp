// 自社診断, staff side: rounds, their answer sheets, the analysis and the comparison of rounds.
#include "core/error.hpp"
#include "http/api_routes.hpp"
#include "http/json_input.hpp"
#include "services/diagnosis/diagnosis_views.hpp"
#include "services/json_helpers.hpp"

namespace shido::http {

namespace {

using core::Anchor;
using core::EngagementAction;

nlohmann::json rounds_json(const std::vector<storage::RoundRow>& rounds) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : rounds) items.push_back(services::to_json(r));
    return {{"items", items}};
}

}  // namespace

std::vector<Route> diagnosis_round_routes(services::Services& s) {
    auto& rounds = s.diagnosis.rounds;
    auto& analysis = s.diagnosis.analysis;
    const auto on_engagement = on(Anchor::engagement, EngagementAction::manage_diagnosis);
    const auto on_round = on(Anchor::diagnosis_round, EngagementAction::manage_diagnosis);
    return {
        {Method::get, "/api/v1/engagements/{id}/diagnosis/rounds", on_engagement,
         [&rounds](ApiCall& call) {
             return ApiResponse{200, rounds_json(rounds.list(call.engagement())), {}};
         }},
        {Method::post, "/api/v1/engagements/{id}/diagnosis/rounds", on_engagement,
         [&rounds](ApiCall& call) {
             BodyReader in(call.body);
             auto name = in.required_text("name");
             in.finish();
             return ApiResponse{
                 201, services::to_json(rounds.open(call.ctx, call.engagement(), name)), {}};
         }},
        {Method::get, "/api/v1/engagements/{id}/diagnosis/compare", on_engagement,
         [&analysis](ApiCall& call) {
             auto from = call.query_id("from"), to = call.query_id("to");
             if (!from || !to)
                 throw core::DomainError(core::ErrorCode::validation,
                                         "比較する2つの回を指定してください。",
                                         {{"from", "比較元の回を指定してください。"},
                                          {"to", "比較先の回を指定してください。"}});
             return ApiResponse{
                 200,
                 services::comparison_json(analysis.compare(call.engagement(), *from, *to)),
                 {}};
         }},
        {Method::get, "/api/v1/diagnosis/rounds/{id}", on_round,
         [&rounds](ApiCall& call) {
             auto detail = rounds.get(call.engagement());
             return ApiResponse{
                 200,
                 nlohmann::json{{"round", services::to_json(detail.round)},
                                {"instrument", services::to_json(*detail.instrument)}},
                 {}};
         }},
        {Method::patch, "/api/v1/diagnosis/rounds/{id}", on_round,
         [&rounds](ApiCall& call) {
             BodyReader in(call.body);
             auto name = in.text("name");
             auto status = in.text("status");
             in.finish();
             return ApiResponse{
                 200,
                 services::to_json(rounds.update(call.ctx, call.engagement(), name, status)),
                 {}};
         }},
        {Method::get, "/api/v1/diagnosis/rounds/{id}/respondents", on_round,
         [&s, &rounds](ApiCall& call) {
             services::RespondentFilter filter{call.query_param("role"), call.page()};
             auto today = services::today(s.env);
             return ApiResponse{200,
                                services::page_json(rounds.respondents(call.engagement(), filter),
                                                    [&today](const storage::RespondentRow& r) {
                                                        return services::to_json(r, today);
                                                    }),
                                {}};
         }},
        {Method::get, "/api/v1/diagnosis/rounds/{id}/analysis", on_round,
         [&s, &analysis](ApiCall& call) {
             return ApiResponse{200,
                                services::analysis_json(analysis.analysis(call.engagement()),
                                                        services::today(s.env)),
                                {}};
         }},
    };
}

}  // namespace shido::http
