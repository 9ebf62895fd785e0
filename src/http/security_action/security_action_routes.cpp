// SECURITY ACTION: how far the company is towards declaring ★ and ★★ (a self-declaration).
#include "http/api_routes.hpp"

namespace shido::http {

namespace {

nlohmann::json security_action_json(const services::SecurityActionView& view) {
    const auto& spec = *view.spec;
    nlohmann::json commitments = nlohmann::json::array();
    for (const auto& c : spec.commitments)
        commitments.push_back({{"title", c.title}, {"explanation", c.explanation}});
    nlohmann::json conditions = nlohmann::json::array();
    for (const auto& c : view.readiness.conditions)
        conditions.push_back({{"label", c.spec->label},
                              {"done", c.done},
                              {"done_text", c.spec->done_text},
                              {"next_step", c.spec->next_step}});
    return {{"title", spec.title},
            {"notice", spec.notice},
            {"site_url", spec.site_url},
            {"one_star",
             {{"title", spec.one_star_title},
              {"next_step", spec.one_star_next_step},
              {"commitments", std::move(commitments)}}},
            {"two_star",
             {{"title", spec.two_star_title},
              {"ready", view.readiness.two_star_ready},
              {"next_step", view.readiness.next_step},
              {"conditions", std::move(conditions)}}}};
}

}  // namespace

std::vector<Route> security_action_routes(services::Services& s) {
    using core::Anchor;
    using core::EngagementAction;
    auto& security_action = s.security_action;
    return {
        {Method::get, "/api/v1/engagements/{id}/security-action",
         on(Anchor::engagement, EngagementAction::view),
         [&security_action](ApiCall& call) {
             return ApiResponse{200, security_action_json(security_action.get(call.engagement()))};
         }},
    };
}

}  // namespace shido::http
