// 自社診断, staff side: issuing, revoking and re-issuing links, paper and CSV answer sheets.
#include "core/error.hpp"
#include "http/api_routes.hpp"
#include "http/diagnosis/diagnosis_bodies.hpp"
#include "services/diagnosis/diagnosis_views.hpp"

namespace shido::http {

namespace {

using core::Anchor;
using core::EngagementAction;

nlohmann::json link_json(const services::IssuedLink& link, const std::string& base_url,
                         const std::string& today) {
    return {{"respondent", services::to_json(link.respondent, today)},
            {"token", link.token},
            {"url", services::answer_url(base_url, link.token)}};
}

}  // namespace

std::vector<Route> diagnosis_respondent_routes(services::Services& s) {
    auto& invitations = s.diagnosis.invitations;
    auto& sheets = s.diagnosis.sheets;
    const auto on_round = on(Anchor::diagnosis_round, EngagementAction::manage_diagnosis);
    const auto on_respondent = on(Anchor::respondent, EngagementAction::manage_diagnosis);
    return {
        {Method::post, "/api/v1/diagnosis/rounds/{id}/respondents", on_round,
         [&s, &invitations](ApiCall& call) {
             auto today = services::today(s.env);
             nlohmann::json items = nlohmann::json::array();
             for (const auto& link :
                  invitations.invite(call.ctx, call.engagement(), invite_of(call.body)))
                 items.push_back(link_json(link, call.base_url, today));
             return ApiResponse{201, nlohmann::json{{"items", items}}, {}};
         }},
        {Method::post, "/api/v1/diagnosis/respondents/{id}/revoke", on_respondent,
         [&s, &invitations](ApiCall& call) {
             return ApiResponse{200,
                                services::to_json(invitations.revoke(call.ctx, call.engagement()),
                                                  services::today(s.env)),
                                {}};
         }},
        {Method::post, "/api/v1/diagnosis/respondents/{id}/reissue", on_respondent,
         [&s, &invitations](ApiCall& call) {
             return ApiResponse{200,
                                link_json(invitations.reissue(call.ctx, call.engagement()),
                                          call.base_url, services::today(s.env)),
                                {}};
         }},
        {Method::post, "/api/v1/diagnosis/rounds/{id}/paper", on_round,
         [&s, &sheets](ApiCall& call) {
             auto row = sheets.enter_paper(call.ctx, call.engagement(), paper_of(call.body));
             return ApiResponse{201, services::to_json(row, services::today(s.env)), {}};
         }},
        heavy({Method::post, "/api/v1/diagnosis/rounds/{id}/import", on_round,
               [&sheets](ApiCall& call) {
                   if (call.raw_body.empty())
                       throw core::DomainError(core::ErrorCode::validation,
                                               "CSVファイルが空です。");
                   return ApiResponse{
                       201,
                       nlohmann::json{{"imported", sheets.import_csv(call.ctx, call.engagement(),
                                                                     call.raw_body)}},
                       {}};
               },
               BodyType::csv}),
    };
}

}  // namespace shido::http
