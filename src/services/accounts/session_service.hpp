#pragma once
#include <string>
#include <vector>

#include "services/accounts/auth_service.hpp"
#include "services/context.hpp"

namespace shido::services {

// One of a person's signed-in sessions as they see it: never its token.
struct SignedInSession {
    std::string id;  // the session's public id
    bool current = false;
    std::string device;  // core::device_label of the User-Agent
    std::string user_agent;
    std::string client_address;
    core::Timestamp created_at = 0;
    core::Timestamp last_seen_at = 0;
};

// The sessions a person can see and end. Only their own: another person's session id ends
// nothing and answers 404, like an unknown one.
class SessionService {
  public:
    SessionService(ServiceEnv env, AuthConfig config) : env_(env), config_(config) {}

    // Most recently seen first; sessions past their idle or absolute expiry are left out.
    std::vector<SignedInSession> list(const RequestContext& ctx,
                                      const std::string& current_token_hash);
    // True when the ended session was the caller's current one (the cookie goes too).
    bool sign_out(const RequestContext& ctx, const std::string& current_token_hash,
                  const std::string& public_id);
    // Every session but the current one; returns how many ended.
    int sign_out_others(const RequestContext& ctx, const std::string& current_token_hash);

  private:
    ServiceEnv env_;
    AuthConfig config_;
};

}  // namespace shido::services
