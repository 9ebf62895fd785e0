#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "services/auth_service.hpp"
#include "services/context.hpp"

namespace shido::http {

// Who may call a route at all. Engagement-level rules are applied inside the services
// through core::may(); this is the coarse gate in front of them.
enum class Access {
    public_route,   // no login (login itself, health, API description)
    authenticated,  // any logged-in user; the service narrows by role and engagement
    secretariat,    // 事務局 only
};

const char* to_string(Access access);

struct ApiResponse {
    int status = 200;
    std::optional<nlohmann::json> body;
    std::vector<std::pair<std::string, std::string>> headers;
};

// Everything a route handler may read about its request.
struct ApiCall {
    services::RequestContext ctx;  // actor is empty on public routes
    std::optional<services::AuthenticatedSession> session;
    std::map<std::string, std::string> path;  // {id} → "42"
    std::map<std::string, std::string> query;
    nlohmann::json body;  // null when there is none
    std::string client_address;

    core::Id path_id(const std::string& name = "id") const;
    std::optional<std::string> query_param(const std::string& name) const;
    // A positive id from the query string; absent or empty gives nullopt, junk a 422.
    std::optional<core::Id> query_id(const std::string& name) const;
};

using Handler = std::function<ApiResponse(ApiCall&)>;

enum class Method { get, post, patch, put, del };
const char* to_string(Method method);

struct Route {
    Method method;
    std::string path;  // OpenAPI style: /api/v1/engagements/{id}
    Access access;
    Handler handler;
};

}  // namespace shido::http
