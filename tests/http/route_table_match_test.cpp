#include <gtest/gtest.h>

#include "http/route_table.hpp"
#include "support/api_table.hpp"

namespace shido::http {
namespace {

using Params = std::map<std::string, std::string>;

Route route(Method method, std::string path) {
    return Route{method, std::move(path), Access::authenticated, [](ApiCall&) {
                     return ApiResponse{204, std::nullopt};
                 }};
}

class RouteMatching : public ::testing::Test {
  protected:
    std::vector<Route> routes{
        route(Method::get, "/api/v1/items"),
        route(Method::post, "/api/v1/items"),
        route(Method::get, "/api/v1/items/new"),
        route(Method::get, "/api/v1/items/{id}"),
        route(Method::put, "/api/v1/items/{id}"),
        route(Method::get, "/api/v1/items/{id}/parts/{part_no}"),
        route(Method::get, "/api/v1/links/{token}"),
        route(Method::get, "/api/v1/sheets/{id}/items/{item_key}"),
    };
    RouteTable table{routes};

    const Route* found(Method method, std::string_view path) const {
        return table.match(method, path).route;
    }
};

TEST_F(RouteMatching, LiteralSegmentsMatchExactly) {
    auto m = table.match(Method::get, "/api/v1/items");
    ASSERT_TRUE(m.route);
    EXPECT_EQ(m.route, &routes[0]);
    EXPECT_TRUE(m.params.empty());
    EXPECT_EQ(found(Method::get, "/api/v1/items/new"), &routes[2]);
    EXPECT_FALSE(found(Method::get, "/api/v1/Items"));
    EXPECT_FALSE(found(Method::get, "/api/v2/items"));
    EXPECT_FALSE(found(Method::get, "/api/v1/items/new/more"));
    EXPECT_FALSE(found(Method::get, "/api/v1"));
}

TEST_F(RouteMatching, AnIdIsADecimalNumberOfAtMost18Digits) {
    auto m = table.match(Method::get, "/api/v1/items/42");
    ASSERT_TRUE(m.route);
    EXPECT_EQ(m.route, &routes[3]);
    EXPECT_EQ(m.params, (Params{{"id", "42"}}));
    EXPECT_EQ(found(Method::get, "/api/v1/items/" + std::string(18, '9')), &routes[3]);
    for (std::string bad : {std::string(19, '9'), std::string("4a"), std::string("-1"),
                            std::string("1.0"), std::string("%34%32"), std::string("abc")})
        EXPECT_FALSE(found(Method::get, "/api/v1/items/" + bad)) << bad;
}

TEST_F(RouteMatching, AnItemKeyIsLowerCaseLettersDigitsAndDots) {
    auto m = table.match(Method::get, "/api/v1/sheets/3/items/5.3");
    ASSERT_TRUE(m.route);
    EXPECT_EQ(m.route, &routes[7]);
    EXPECT_EQ(m.params, (Params{{"id", "3"}, {"item_key", "5.3"}}));
    EXPECT_EQ(found(Method::get, "/api/v1/sheets/3/items/x12"), &routes[7]);
    EXPECT_EQ(found(Method::get, "/api/v1/sheets/3/items/" + std::string(32, '1')), &routes[7]);
    for (std::string bad : {std::string(33, '1'), std::string("X12"), std::string("5%2E3"),
                            std::string("5-3"), std::string("a_b")})
        EXPECT_FALSE(found(Method::get, "/api/v1/sheets/3/items/" + bad)) << bad;
}

TEST_F(RouteMatching, SeveralParametersAreNamed) {
    auto m = table.match(Method::get, "/api/v1/items/7/parts/25");
    ASSERT_TRUE(m.route);
    EXPECT_EQ(m.params, (Params{{"id", "7"}, {"part_no", "25"}}));
}

TEST_F(RouteMatching, ATokenIsUrlSafeBase64OfAtMost128Characters) {
    auto m = table.match(Method::get, "/api/v1/links/AbC-123_xyz");
    ASSERT_TRUE(m.route);
    EXPECT_EQ(m.params, (Params{{"token", "AbC-123_xyz"}}));
    EXPECT_TRUE(found(Method::get, "/api/v1/links/" + std::string(128, 'a')));
    for (std::string bad : {std::string(129, 'a'), std::string("a.b"), std::string("a+b"),
                            std::string("a%20b"), std::string("a=b"), std::string("あ")})
        EXPECT_FALSE(found(Method::get, "/api/v1/links/" + bad)) << bad;
}

TEST_F(RouteMatching, AKnownPathWithAnotherMethodListsTheAllowedOnes) {
    auto m = table.match(Method::del, "/api/v1/items/5");
    EXPECT_FALSE(m.route);
    EXPECT_EQ(m.allowed, "GET, PUT");
    EXPECT_EQ(table.match(Method::patch, "/api/v1/items").allowed, "GET, POST");
    EXPECT_EQ(table.match(Method::post, "/api/v1/links/abc").allowed, "GET");
    // A path that exists for no method is a 404: nothing is allowed.
    auto unknown = table.match(Method::get, "/api/v1/items/5/nothing");
    EXPECT_FALSE(unknown.route);
    EXPECT_EQ(unknown.allowed, "");
    EXPECT_EQ(table.match(Method::del, "/api/v1/items/abc").allowed, "");
}

TEST(RealRouteMatching, MatchesTheApi) {
    testing::ApiTable api;
    RouteTable table(api.routes);
    auto get = table.match(Method::get, "/api/v1/engagements/42");
    ASSERT_TRUE(get.route);
    EXPECT_EQ(get.route->path, "/api/v1/engagements/{id}");
    EXPECT_EQ(get.params, (Params{{"id", "42"}}));
    auto finding = table.match(Method::put, "/api/v1/diagnosis/rounds/7/findings/25");
    ASSERT_TRUE(finding.route);
    EXPECT_EQ(finding.route->path, "/api/v1/diagnosis/rounds/{id}/findings/{item_no}");
    EXPECT_EQ(finding.params, (Params{{"id", "7"}, {"item_no", "25"}}));
    auto answer = table.match(Method::get, "/api/v1/answer/abcDEF123-_");
    ASSERT_TRUE(answer.route);
    EXPECT_EQ(answer.route->access.gate, Gate::public_route);
    EXPECT_EQ(table.match(Method::del, "/api/v1/engagements/42").allowed, "GET, PATCH");
    EXPECT_EQ(table.match(Method::del, "/api/v1/engagements").allowed, "GET, POST");
    EXPECT_EQ(table.match(Method::get, "/api/v1/engagements/42/nothing").allowed, "");
}

TEST(SplitPath, DropsEmptySegments) {
    EXPECT_EQ(split_path("/api/v1/items/7"),
              (std::vector<std::string_view>{"api", "v1", "items", "7"}));
    EXPECT_TRUE(split_path("/").empty());
    EXPECT_TRUE(split_path("").empty());
}

}  // namespace
}  // namespace shido::http
