#pragma once
#include <vector>

#include "http/logger.hpp"
#include "http/route.hpp"
#include "http/server_config.hpp"
#include "services/services.hpp"

namespace shido::http {

struct RouteInfo {
    std::string method;
    std::string path;
    std::string access;  // public, authenticated, secretariat or engagement
    // Engagement routes: the anchor the path's {param} names and the action the policy checks.
    std::string anchor, action, param;
    bool heavy = false;             // runs on the worker pool (and may answer 503 when it is full)
    bool before_enrolment = false;  // open to a session that must still enrol a second factor
};

// The API routes with their access rules, as served (for `shido routes` and the tests).
std::vector<RouteInfo> describe_routes(services::Services& services);

std::string_view openapi_document();

// Serves until SIGINT or SIGTERM; in-flight requests finish before it returns.
void run_server(services::Services& services, const ServerConfig& config, const Logger& logger);

}  // namespace shido::http
