#pragma once
// Checks that a use case taking an EngagementGrant runs only with the grant it was written
// for: a route that declared another action or anchor must fail loudly (std::logic_error),
// not run with the wrong check.
#include <functional>
#include <string>

#include <gtest/gtest.h>

#include "services/access/access_service.hpp"

namespace shido::testing {

using UseCase = std::function<void(const services::EngagementGrant&)>;

inline services::RequestContext secretariat_context() {
    return {core::Actor{0, core::Role::secretariat, {}, "事務局", {}}, "test"};
}

// Calls `use` with a grant on (anchor, id) for every action but `needed` (made for the
// secretariat, whom the policy allows everything) and expects EngagementGrant::require to
// refuse each.
inline void expect_requires_action(services::AccessService& access, core::Anchor anchor,
                                   core::Id id, core::EngagementAction needed, const UseCase& use) {
    const std::string refusal = "use case needs " + std::string(core::to_string(needed));
    for (auto action : core::all_engagement_actions) {
        if (action == needed) continue;
        auto grant = access.grant(secretariat_context(), anchor, id, action);
        try {
            use(grant);
            ADD_FAILURE() << "ran with a grant for " << core::to_string(action);
        } catch (const std::logic_error& e) {
            EXPECT_NE(std::string(e.what()).find(refusal), std::string::npos)
                << "grant for " << core::to_string(action) << ": " << e.what();
        }
    }
}

// Calls `use` with a grant for the right action on another anchor's record and expects
// EngagementGrant::id_of to refuse it.
inline void expect_requires_anchor(services::AccessService& access, core::Anchor wrong_anchor,
                                   core::Id wrong_id, core::EngagementAction action,
                                   core::Anchor needed, const UseCase& use) {
    auto grant = access.grant(secretariat_context(), wrong_anchor, wrong_id, action);
    try {
        use(grant);
        ADD_FAILURE() << "ran with a grant on " << core::to_string(wrong_anchor);
    } catch (const std::logic_error& e) {
        EXPECT_NE(std::string(e.what()).find("used for " + std::string(core::to_string(needed))),
                  std::string::npos)
            << e.what();
    }
}

}  // namespace shido::testing
