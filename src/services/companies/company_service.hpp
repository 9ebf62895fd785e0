#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/companies/company.hpp"
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

    std::vector<core::Company> list(const RequestContext& ctx);
    core::Company get(const RequestContext& ctx, core::Id id);
    core::Company create(const RequestContext& ctx, const CompanyInput& input);
    core::Company update(const RequestContext& ctx, core::Id id, const CompanyInput& input);

  private:
    ServiceEnv env_;
};

void validate(const core::Company& company);

}  // namespace shido::services
