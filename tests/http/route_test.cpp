#include "http/route.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

#include "support/domain_error.hpp"

namespace shido::http {
namespace {

using testing::code_of;
using testing::fails_on;

ApiCall with_query(std::map<std::string, std::string> query) {
    ApiCall call;
    call.query = std::move(query);
    return call;
}

TEST(ApiCallPage, DefaultsAndLimits) {
    auto page = with_query({}).page();
    EXPECT_FALSE(page.after);
    EXPECT_EQ(page.limit, core::default_page_size);
    EXPECT_EQ(with_query({{"limit", "1"}}).page().limit, 1);
    EXPECT_EQ(with_query({{"limit", "200"}}).page().limit, 200);
    EXPECT_EQ(with_query({{"limit", ""}}).page().limit, core::default_page_size);
    for (std::string bad : {"0", "201", "-1", "ten", "1.5", "99999999999999999999"})
        EXPECT_TRUE(fails_on("limit", [&] { with_query({{"limit", bad}}).page(); })) << bad;
}

TEST(ApiCallPage, AfterIsPassedOnAsGiven) {
    EXPECT_EQ(with_query({{"after", "abc"}}).page().after, "abc");
    EXPECT_FALSE(with_query({{"after", ""}}).page().after);  // "from the start"
}

TEST(ApiCallIds, PathAndQueryIds) {
    ApiCall call;
    call.path = {{"id", "42"}, {"item_no", "0"}};
    EXPECT_EQ(call.path_id(), 42);
    EXPECT_EQ(code_of([&] { call.path_id("item_no"); }), core::ErrorCode::not_found);
    EXPECT_EQ(code_of([&] { call.path_id("missing"); }), core::ErrorCode::not_found);
    auto q = with_query({{"from", "3"}, {"to", ""}, {"bad", "x3"}});
    EXPECT_EQ(q.query_id("from"), 3);
    EXPECT_FALSE(q.query_id("to"));
    EXPECT_FALSE(q.query_id("absent"));
    EXPECT_TRUE(fails_on("bad", [&] { q.query_id("bad"); }));
}

TEST(ApiCallGrant, ARouteWithoutGuardHasNoGrant) {
    ApiCall call;
    EXPECT_THROW(call.engagement(), std::logic_error);
}

TEST(Access, OnBuildsAnEngagementGuard) {
    auto access =
        on(core::Anchor::diagnosis_round, core::EngagementAction::record_findings, "round");
    EXPECT_EQ(access.gate, Gate::engagement);
    ASSERT_TRUE(access.guard);
    EXPECT_EQ(access.guard->anchor, core::Anchor::diagnosis_round);
    EXPECT_EQ(access.guard->action, core::EngagementAction::record_findings);
    EXPECT_EQ(access.guard->param, "round");
    EXPECT_EQ(on(core::Anchor::engagement, core::EngagementAction::view).guard->param, "id");
    EXPECT_FALSE(Access::secretariat.guard);
    EXPECT_STREQ(to_string(Gate::engagement), "engagement");
    EXPECT_STREQ(to_string(Gate::public_route), "public");
    EXPECT_STREQ(to_string(Method::del), "DELETE");
}

TEST(FileResponse, NamesTheDownloadInUtf8) {
    auto response = file_response("bytes", "application/pdf", "自社診断 結果.pdf");
    EXPECT_EQ(response.file, "bytes");
    EXPECT_EQ(response.file_type, "application/pdf");
    ASSERT_EQ(response.headers.size(), 1u);
    EXPECT_EQ(response.headers[0].first, "Content-Disposition");
    EXPECT_EQ(response.headers[0].second,
              "attachment; filename=\"download\"; filename*=UTF-8''"
              "%E8%87%AA%E7%A4%BE%E8%A8%BA%E6%96%AD%20%E7%B5%90%E6%9E%9C.pdf");
    EXPECT_EQ(heavy(Route{Method::get, "/x", Access::authenticated, {}}).work, Work::heavy);
}

}  // namespace
}  // namespace shido::http
