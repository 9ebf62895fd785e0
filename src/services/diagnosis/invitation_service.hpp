#pragma once
#include <string>
#include <utility>
#include <vector>

#include "core/diagnosis/report.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"
#include "services/diagnosis/diagnosis_types.hpp"

namespace shido::services {

// Links handed to respondents: issue (named or N anonymous), revoke, re-issue, and the printed
// invitation sheet with QR codes. Tokens are shown once; only their SHA-256 is stored.
class InvitationService {
  public:
    explicit InvitationService(ServiceEnv env) : env_(env) {}

    std::vector<IssuedLink> invite(const RequestContext& ctx, const EngagementGrant& round,
                                   const Invite& invite);
    storage::RespondentRow revoke(const RequestContext& ctx, const EngagementGrant& respondent);
    IssuedLink reissue(const RequestContext& ctx, const EngagementGrant& respondent);
    // At most max_links_per_sheet distinct links; a link named twice is printed once.
    core::diagnosis::InvitationSheet invitation_sheet(
        const EngagementGrant& round, const std::vector<std::pair<core::Id, std::string>>& links,
        const std::string& base_url);

  private:
    ServiceEnv env_;
};

// One request issues or prints at most this many links: a sheet of 100 QR codes is ~25 pages,
// and anything larger is better split by department than rendered in one go.
inline constexpr int max_links_per_request = 100;

}  // namespace shido::services
