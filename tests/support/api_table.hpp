#pragma once
// The product's real API routes, built the way `shido routes` builds them: services on an
// in-memory SQLite database (never migrated: building routes reads nothing).
#include <vector>

#include "content/library.hpp"
#include "http/api_routes.hpp"
#include "http/dispatcher.hpp"
#include "services/services.hpp"
#include "storage/database.hpp"

namespace shido::testing {

struct ApiTable {
    content::Library library = content::load_library(SHIDO_CONTENT_DIR);
    storage::Database db{storage::DatabaseConfig{"sqlite::memory:", 1}};
    services::Services services{services::ServiceEnv{db, library}, {}};
    http::Metrics metrics;
    http::ServerConfig config;
    http::Logger logger{http::LogLevel::error};
    http::Dispatcher dispatcher{services, config, logger, metrics};
    std::vector<http::Route> routes = http::api_routes(services, dispatcher);
};

}  // namespace shido::testing
