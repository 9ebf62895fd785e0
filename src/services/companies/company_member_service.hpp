#pragma once
#include <string>
#include <vector>

#include "core/accounts/user.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"
#include "storage/companies/company_access_repository.hpp"

namespace shido::services {

struct AccountLinkConfig;

// Who has access to a company's engagements: its own accounts and the assigned experts.
struct CompanyMembers {
    std::vector<core::User> members;
    std::vector<storage::AssignedExpert> experts;
    bool can_manage = false;
};

struct NewMember {
    std::string email;
    std::string name;
};

// The company's owner manages its managers' accounts (the secretariat may too): invites them by
// e-mail and removes them, who then lose access at once. Every change is audited.
class CompanyMemberService {
  public:
    CompanyMemberService(ServiceEnv env, const AccountLinkConfig& links)
        : env_(env), links_(links) {}

    CompanyMembers list(const RequestContext& ctx, const EngagementGrant& grant);
    core::User invite(const RequestContext& ctx, const EngagementGrant& grant,
                      const NewMember& input);
    void remove(const RequestContext& ctx, const EngagementGrant& grant, core::Id user_id);

  private:
    ServiceEnv env_;
    const AccountLinkConfig& links_;
};

}  // namespace shido::services
