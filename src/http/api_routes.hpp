#pragma once
#include <vector>

#include "http/route.hpp"
#include "services/services.hpp"

namespace shido::http {

class Dispatcher;

// Every API route of the product, one list per resource. The list is the single source for
// the router, the access-rule test and the OpenAPI coverage test (`shido routes`).
std::vector<Route> api_routes(services::Services& services, Dispatcher& dispatcher);

std::vector<Route> auth_routes(services::Services& services, Dispatcher& dispatcher);
std::vector<Route> admin_routes(services::Services& services);
std::vector<Route> engagement_routes(services::Services& services);
std::vector<Route> meta_routes(services::Services& services);
std::vector<Route> diagnosis_routes(services::Services& services);
std::vector<Route> answer_routes(services::Services& services);

}  // namespace shido::http
