#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/companies/company.hpp"
#include "core/paging/page.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"

namespace shido::services {

// Every field optional: a create fills the missing ones with defaults, a patch keeps them.
struct CompanyInput {
    std::optional<std::string> name, industry, address, website, representative_title,
        representative_name;
    std::optional<std::optional<int>> employee_count;  // set to null clears it
};

class CompanyService {
  public:
    explicit CompanyService(ServiceEnv env) : env_(env) {}

    // The companies the actor may see (core::visible_scope), by name, one page at a time.
    core::Page<core::Company> list(const RequestContext& ctx, const std::string& name_contains,
                                   const core::PageRequest& page);
    core::Company get(const EngagementGrant& grant);  // view on Anchor::company
    core::Company create(const RequestContext& ctx, const CompanyInput& input);
    core::Company update(const RequestContext& ctx, core::Id id, const CompanyInput& input);

  private:
    ServiceEnv env_;
};

void validate(const core::Company& company);

}  // namespace shido::services
