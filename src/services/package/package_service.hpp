#pragma once
#include <string>

#include "core/package/package_manifest.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"

namespace shido::services {

// What the submission package needs besides its documents (which their own domains give,
// collected in http/package): the engagement's company and the package's content. Reads only;
// the dispatcher logs each read of submitted documents.
class PackageService {
  public:
    explicit PackageService(ServiceEnv env) : env_(env) {}

    // The company whose package it is (view_submitted_documents).
    std::string company_name(const EngagementGrant& grant) const;
    const core::package::PackageSpec& spec() const { return env_.content.package; }
    core::Timestamp now() const { return env_.now(); }

  private:
    ServiceEnv env_;
};

}  // namespace shido::services
