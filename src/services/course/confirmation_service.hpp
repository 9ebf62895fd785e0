#pragma once
#include <optional>
#include <string>
#include <vector>

#include "content/curriculum.hpp"
#include "core/course/confirmations.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"

namespace shido::services {

struct ParticipantInput {
    std::string name, title, kind;
};

struct ArrangementsInput {
    std::vector<ParticipantInput> participants;
    std::string meeting_room, projector, web_experience, web_tool, special_request;
    std::optional<int> version;
};

// The confirmations with what the course asks (participant kinds, the statement).
struct ConfirmationsView {
    core::Confirmations confirmations;
    const content::Curriculum* course = nullptr;
};

inline constexpr std::size_t max_participants = 30;

// 依頼・調整事項 before the first session: who takes part, the room and projector, web-meeting
// experience and tool, and the company's acknowledgement of how its information is handled.
class ConfirmationService {
  public:
    explicit ConfirmationService(ServiceEnv env) : env_(env) {}

    ConfirmationsView get(const EngagementGrant& grant);  // view
    ConfirmationsView save(const RequestContext& ctx,
                           const EngagementGrant& grant,  // confirm_arrangements
                           const ArrangementsInput& input);
    // The company (owner or manager) acknowledges the statement of this version.
    ConfirmationsView acknowledge(const RequestContext& ctx,
                                  const EngagementGrant& grant,  // acknowledge_handling
                                  std::optional<int> statement_version, std::optional<int> version);

  private:
    ServiceEnv env_;
};

}  // namespace shido::services
