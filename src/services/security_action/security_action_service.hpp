#pragma once
#include "core/security_action/readiness.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"

namespace shido::services {

struct SecurityActionView {
    const core::security_action::SecurityActionSpec* spec = nullptr;
    core::security_action::ReadinessFacts facts;
    core::security_action::Readiness readiness;
};

// SECURITY ACTION readiness on the engagement page: which of ★★'s conditions shido has seen
// met (a closed self-assessment round, an approved basic policy, its public page on). Facts
// every participant may see (view); it is the company's own declaration, never a certificate.
class SecurityActionService {
  public:
    explicit SecurityActionService(ServiceEnv env) : env_(env) {}

    SecurityActionView get(const EngagementGrant& grant) const;  // view

  private:
    ServiceEnv env_;
};

}  // namespace shido::services
