#include "http/route_table.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

#include "support/api_table.hpp"

namespace shido::http {
namespace {

using core::Anchor;
using core::EngagementAction;

Route route(Method method, std::string path, Access access) {
    return Route{method, std::move(path), std::move(access), [](ApiCall&) {
                     return ApiResponse{204, std::nullopt};
                 }};
}

// The start-up check's message, or "" when the table is accepted.
std::string refusal(const Route& r) {
    try {
        RouteTable table({r});
    } catch (const std::logic_error& e) {
        return e.what();
    }
    return "";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

const char* anchored_paths[] = {
    "/api/v1/engagements/{id}",
    "/api/v1/engagements/{id}/diagnosis/rounds",
    "/api/v1/engagements/{id}/anything/new",
    "/api/v1/diagnosis/rounds/{id}",
    "/api/v1/diagnosis/rounds/{id}/findings/{item_no}",
    "/api/v1/diagnosis/respondents/{id}",
    "/api/v1/diagnosis/respondents/{id}/revoke",
    "/api/v1/companies/{id}",
    "/api/v1/companies/{id}/contacts",
    // Any parameter name at the id's place is the id: a renamed one must not slip through.
    "/api/v1/engagements/{engagement}/secret",
    "/api/v1/diagnosis/rounds/{round_id}",
};

TEST(RouteTable, RefusesARouteUnderAnAnchorWithoutAnEngagementGuard) {
    for (const char* path : anchored_paths) {
        for (const auto& access : {Access::public_route, Access::authenticated}) {
            for (auto method : {Method::get, Method::post, Method::del}) {
                auto message = refusal(route(method, path, access));
                EXPECT_TRUE(contains(message, "must declare an engagement action"))
                    << path << ": " << message;
                EXPECT_TRUE(contains(message, path)) << message;
            }
        }
    }
}

TEST(RouteTable, RefusesAGuardOnAnotherAnchor) {
    const std::pair<const char*, Anchor> wrong[] = {
        {"/api/v1/diagnosis/rounds/{id}", Anchor::engagement},
        {"/api/v1/diagnosis/rounds/{id}/analysis", Anchor::respondent},
        {"/api/v1/engagements/{id}", Anchor::diagnosis_round},
        {"/api/v1/engagements/{id}/diagnosis/rounds", Anchor::company},
        {"/api/v1/diagnosis/respondents/{id}/revoke", Anchor::diagnosis_round},
        {"/api/v1/companies/{id}", Anchor::engagement},
    };
    for (const auto& [path, anchor] : wrong) {
        auto message = refusal(route(Method::get, path, on(anchor, EngagementAction::view)));
        EXPECT_TRUE(contains(message, "must declare an engagement action on")) << path;
    }
}

TEST(RouteTable, RefusesAGuardWhoseParameterIsNotInThePath) {
    auto message = refusal(route(Method::get, "/api/v1/engagements/{id}",
                                 on(Anchor::engagement, EngagementAction::view, "engagement_id")));
    EXPECT_TRUE(contains(message, "no path parameter {engagement_id}")) << message;
    message = refusal(route(Method::get, "/api/v1/reports/{report}",
                            on(Anchor::engagement, EngagementAction::view)));
    EXPECT_TRUE(contains(message, "no path parameter {id}")) << message;
    message = refusal(route(Method::get, "/api/v1/reports",
                            on(Anchor::diagnosis_round, EngagementAction::view, "round")));
    EXPECT_TRUE(contains(message, "no path parameter {round}")) << message;
}

TEST(RouteTable, RefusesAGateAndAGuardThatDisagree) {
    Access gate_only{Gate::engagement, std::nullopt};
    EXPECT_TRUE(contains(refusal(route(Method::get, "/api/v1/engagements", gate_only)),
                         "an engagement gate needs a guard"));
    Access guard_only{Gate::authenticated,
                      EngagementGuard{Anchor::engagement, EngagementAction::view, "id"}};
    EXPECT_TRUE(contains(refusal(route(Method::get, "/api/v1/engagements/{id}", guard_only)),
                         "an engagement gate needs a guard"));
    Access secretariat_with_guard{
        Gate::secretariat, EngagementGuard{Anchor::engagement, EngagementAction::view, "id"}};
    EXPECT_TRUE(
        contains(refusal(route(Method::get, "/api/v1/engagements/{id}", secretariat_with_guard)),
                 "an engagement gate needs a guard"));
}

TEST(RouteTable, RefusesTheWholeTableForOneBadRoute) {
    std::vector<Route> routes{
        route(Method::get, "/api/v1/engagements", Access::authenticated),
        route(Method::get, "/api/v1/engagements/{id}",
              on(Anchor::engagement, EngagementAction::view)),
        route(Method::get, "/api/v1/diagnosis/rounds/{id}/analysis", Access::authenticated),
    };
    EXPECT_THROW(RouteTable{routes}, std::logic_error);
}

TEST(RouteTable, AcceptsGuardedSecretariatAndUnanchoredRoutes) {
    for (const char* path : anchored_paths) {
        auto anchor =
            std::string(path).starts_with("/api/v1/engagements")        ? Anchor::engagement
            : std::string(path).starts_with("/api/v1/diagnosis/rounds") ? Anchor::diagnosis_round
            : std::string(path).starts_with("/api/v1/diagnosis/respondents") ? Anchor::respondent
                                                                             : Anchor::company;
        // The guard names the parameter at the id's place, whatever it is called.
        std::string text(path);
        auto open = text.find('{'), close = text.find('}');
        auto param = text.substr(open + 1, close - open - 1);
        EXPECT_EQ(refusal(route(Method::get, path, on(anchor, EngagementAction::view, param))), "")
            << path;
        // The policy lets the secretariat do everything: its routes need no guard.
        EXPECT_EQ(refusal(route(Method::patch, path, Access::secretariat)), "") << path;
    }
    for (const char* path : {"/api/v1/engagements", "/api/v1/diagnosis/rounds", "/api/v1/companies",
                             "/api/v1/diagnosis/respondents", "/api/v1/meta"})
        EXPECT_EQ(refusal(route(Method::get, path, Access::authenticated)), "") << path;
    // A guard may name another parameter, when the path has it.
    EXPECT_EQ(refusal(route(Method::get, "/api/v1/reports/{round}",
                            on(Anchor::diagnosis_round, EngagementAction::view, "round"))),
              "");
}

class RealRouteTable : public ::testing::Test {
  protected:
    testing::ApiTable api;
};

TEST_F(RealRouteTable, IsAccepted) {
    EXPECT_NO_THROW(RouteTable table(api.routes));
    EXPECT_GE(api.routes.size(), 30u);
}

TEST_F(RealRouteTable, EveryRouteUnderAnAnchorIsGuardedOnIt) {
    const std::pair<const char*, Anchor> anchors[] = {
        {"/api/v1/engagements/{id}", Anchor::engagement},
        {"/api/v1/diagnosis/rounds/{id}", Anchor::diagnosis_round},
        {"/api/v1/diagnosis/respondents/{id}", Anchor::respondent},
        {"/api/v1/companies/{id}", Anchor::company},
    };
    for (const auto& r : api.routes) {
        auto where = std::string(to_string(r.method)) + " " + r.path;
        EXPECT_EQ(r.access.gate == Gate::engagement, r.access.guard.has_value()) << where;
        if (r.access.guard) {
            EXPECT_NE(r.path.find("{" + r.access.guard->param + "}"), std::string::npos) << where;
        }
        for (const auto& [prefix, anchor] : anchors) {
            std::string p = prefix;
            if (r.path != p && !r.path.starts_with(p + "/")) continue;
            if (r.access.gate == Gate::secretariat) continue;
            ASSERT_TRUE(r.access.guard) << where;
            EXPECT_EQ(r.access.guard->anchor, anchor) << where;
        }
    }
}

TEST_F(RealRouteTable, DeclaresTheDocumentedAccess) {
    auto access_of = [&](Method method, const std::string& path) -> const Access* {
        for (const auto& r : api.routes)
            if (r.method == method && r.path == path) return &r.access;
        ADD_FAILURE() << path << " is no route";
        return nullptr;
    };
    auto expect_guard = [&](Method method, const std::string& path, Anchor anchor,
                            EngagementAction action) {
        const auto* access = access_of(method, path);
        ASSERT_TRUE(access && access->guard) << path;
        EXPECT_EQ(access->guard->anchor, anchor) << path;
        EXPECT_EQ(access->guard->action, action) << path;
        EXPECT_EQ(access->guard->param, "id") << path;
    };
    auto expect_gate = [&](Method method, const std::string& path, Gate gate) {
        const auto* access = access_of(method, path);
        ASSERT_TRUE(access) << path;
        EXPECT_EQ(access->gate, gate) << path;
    };
    expect_gate(Method::post, "/api/v1/auth/login", Gate::public_route);
    expect_gate(Method::get, "/api/v1/answer/{token}", Gate::public_route);
    expect_gate(Method::get, "/api/v1/engagements", Gate::authenticated);
    expect_gate(Method::get, "/api/v1/companies", Gate::authenticated);
    expect_gate(Method::post, "/api/v1/engagements", Gate::secretariat);
    expect_gate(Method::patch, "/api/v1/companies/{id}", Gate::secretariat);
    expect_gate(Method::get, "/api/v1/users", Gate::secretariat);
    expect_gate(Method::get, "/api/v1/audit", Gate::secretariat);
    expect_guard(Method::get, "/api/v1/engagements/{id}", Anchor::engagement,
                 EngagementAction::view);
    expect_guard(Method::patch, "/api/v1/engagements/{id}", Anchor::engagement,
                 EngagementAction::edit_plan);
    expect_guard(Method::get, "/api/v1/companies/{id}", Anchor::company, EngagementAction::view);
    expect_guard(Method::post, "/api/v1/engagements/{id}/diagnosis/rounds", Anchor::engagement,
                 EngagementAction::manage_diagnosis);
    expect_guard(Method::get, "/api/v1/diagnosis/rounds/{id}/analysis", Anchor::diagnosis_round,
                 EngagementAction::manage_diagnosis);
    expect_guard(Method::get, "/api/v1/diagnosis/rounds/{id}/findings", Anchor::diagnosis_round,
                 EngagementAction::view_records);
    expect_guard(Method::put, "/api/v1/diagnosis/rounds/{id}/findings/{item_no}",
                 Anchor::diagnosis_round, EngagementAction::record_findings);
    expect_guard(Method::post, "/api/v1/diagnosis/respondents/{id}/revoke", Anchor::respondent,
                 EngagementAction::manage_diagnosis);
}

}  // namespace
}  // namespace shido::http
