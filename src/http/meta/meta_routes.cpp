#include "core/engagements/engagement.hpp"
#include "http/api_routes.hpp"
#include "services/views.hpp"

namespace shido::http {

std::vector<Route> meta_routes(services::Services& s) {
    return {
        {Method::get, "/api/v1/meta", Access::authenticated,
         [&s](ApiCall&) {
             nlohmann::json roles = nlohmann::json::array(), statuses = nlohmann::json::array();
             for (auto role : core::all_roles)
                 roles.push_back({{"key", core::to_string(role)}, {"label", core::label_ja(role)}});
             for (auto status : core::all_engagement_statuses)
                 statuses.push_back(
                     {{"key", core::to_string(status)}, {"label", core::label_ja(status)}});
             return ApiResponse{
                 200,
                 nlohmann::json{{"roles", roles},
                                {"engagement_statuses", statuses},
                                {"curriculum", services::to_json(s.env.content.curriculum)}},
                 {}};
         }},
    };
}

}  // namespace shido::http
