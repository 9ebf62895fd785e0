#pragma once
#include "services/audit_service.hpp"
#include "services/auth_service.hpp"
#include "services/company_service.hpp"
#include "services/engagement_service.hpp"
#include "services/user_service.hpp"

namespace shido::services {

// The application's use cases, built once at start and shared by every request thread.
struct Services {
    Services(ServiceEnv env, AuthConfig auth_config)
        : env(env), auth(env, auth_config), companies(env), users(env), engagements(env), audit(env) {}

    ServiceEnv env;
    AuthService auth;
    CompanyService companies;
    UserService users;
    EngagementService engagements;
    AuditService audit;
};

}  // namespace shido::services
