#include "services/companies/company_member_service.hpp"

#include <algorithm>

#include "core/companies/membership.hpp"
#include "core/error.hpp"
#include "services/accounts/account_link_service.hpp"
#include "services/accounts/user_views.hpp"
#include "services/audit/audit_service.hpp"
#include "storage/accounts/account_token_repository.hpp"
#include "storage/accounts/session_repository.hpp"
#include "storage/accounts/user_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

CompanyMembers CompanyMemberService::list(const RequestContext& ctx, const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view);
    auto company_id = grant.id_of(core::Anchor::company);
    storage::Connection c(env_.db);
    CompanyMembers result;
    result.members = storage::UserRepository(c).of_company(company_id);
    result.experts = storage::assigned_experts(c, company_id);
    result.can_manage = core::may(ctx.actor, core::EngagementAction::manage_members, grant.scope());
    return result;
}

core::User CompanyMemberService::invite(const RequestContext& ctx, const EngagementGrant& grant,
                                        const NewMember& input) {
    grant.require(core::EngagementAction::manage_members);
    NewUser user{input.email, input.name, "company", "", grant.id_of(core::Anchor::company),
                 "manager"};
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto invited = invite_user(c, ctx, env_.now(), user, links_);
    tx.commit();
    return invited;
}

void CompanyMemberService::remove(const RequestContext& ctx, const EngagementGrant& grant,
                                  core::Id user_id) {
    grant.require(core::EngagementAction::manage_members);
    auto company_id = grant.id_of(core::Anchor::company);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::UserRepository users(c);
    auto member = users.find(user_id);
    if (!member || member->company_id != company_id) core::throw_not_found("メンバー");
    auto enabled = users.of_company(company_id);
    int owners = static_cast<int>(std::count_if(enabled.begin(), enabled.end(), [](const auto& u) {
        return u.company_role == core::CompanyRole::owner;
    }));
    if (auto problem = core::member_removal_problem(ctx.actor, *member, owners))
        throw core::DomainError(core::ErrorCode::conflict, *problem);
    auto before = to_json(*member);
    users.set_active(member->id, false, now);
    // Access ends now: every session and every open link of the account.
    storage::SessionRepository(c).remove_all_for_user_except(member->id, "");
    storage::AccountTokenRepository(c).revoke_open(member->id, "", now);
    member->active = false;
    record(c, ctx, now,
           Change{core::AuditAction::remove_member, core::AuditEntity::user, member->id,
                  std::nullopt, before, to_json(*member)});
    tx.commit();
}

}  // namespace shido::services
