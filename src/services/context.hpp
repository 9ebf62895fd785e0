#pragma once
#include <chrono>
#include <functional>
#include <string>

#include "content/library.hpp"
#include "core/access/access_policy.hpp"
#include "storage/database.hpp"

namespace shido::services {

// Who asks, and under which request id (the id ties audit entries to log lines).
struct RequestContext {
    core::Actor actor;
    std::string request_id;
};

using Clock = std::function<core::Timestamp()>;

inline core::Timestamp system_now() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

// What every service needs; owned by the application, shared read-only by the services.
struct ServiceEnv {
    storage::Database& db;
    const content::Library& content;
    Clock now = system_now;
    // 32 bytes that seal the TOTP secrets at rest (`--secret-key-file`); empty: stored plain.
    std::string totp_key = {};
};

// True when the database answers a trivial query (the /healthz probe).
bool database_answers(const ServiceEnv& env);

// The calendar date in Japan by the services' clock: what "today" means to users.
std::string today(const ServiceEnv& env);

}  // namespace shido::services
