#pragma once
// Checks that a use case taking an EngagementGrant runs only with the grant it was written
// for: a route that declared another action or anchor must fail loudly (std::logic_error),
// not run with the wrong check.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "services/access/access_service.hpp"

namespace shido::testing {

using UseCase = std::function<void(const services::EngagementGrant&)>;

inline services::RequestContext secretariat_context() {
    return {core::Actor{0, core::Role::secretariat, {}, "事務局", {}}, "test"};
}

// Someone the policy allows `action` on the record: the secretariat, the engagement's expert or
// its company's owner (no one relation may do everything: the working records are not the
// secretariat's).
inline services::RequestContext allowed_context(services::AccessService& access,
                                                core::Anchor anchor, core::Id id,
                                                core::EngagementAction action) {
    auto scope =
        access.grant(secretariat_context(), anchor, id, core::EngagementAction::view).scope();
    std::vector<services::RequestContext> people{secretariat_context()};
    if (scope.expert_id)
        people.push_back(
            {core::Actor{*scope.expert_id, core::Role::expert, {}, "専門家", {}}, "test"});
    people.push_back(
        {core::Actor{0, core::Role::company, scope.company_id, "経営者", core::CompanyRole::owner},
         "test"});
    for (const auto& ctx : people)
        if (core::may(ctx.actor, action, scope)) return ctx;
    return secretariat_context();
}

// Calls `use` with a grant on (anchor, id) for every action but `needed` (each made for
// someone the policy allows it) and expects EngagementGrant::require to refuse each.
inline void expect_requires_action(services::AccessService& access, core::Anchor anchor,
                                   core::Id id, core::EngagementAction needed, const UseCase& use) {
    const std::string refusal = "use case needs " + std::string(core::to_string(needed));
    for (auto action : core::all_engagement_actions) {
        if (action == needed) continue;
        std::optional<services::EngagementGrant> made;
        try {
            made = access.grant(allowed_context(access, anchor, id, action), anchor, id, action);
        } catch (const core::DomainError&) {
            continue;  // nobody may do this on such a record: no route can hand it over
        }
        const auto& grant = *made;
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
    auto grant = access.grant(allowed_context(access, wrong_anchor, wrong_id, action), wrong_anchor,
                              wrong_id, action);
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
