#include "services/json_writer.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "services/engagements/engagement_views.hpp"

namespace shido::services {
namespace {

TEST(JsonWriter, EscapesWhatJsonRequires) {
    const std::string nasty = "a\"b\\c\nd\te\x01f</script>株式会社";
    JsonWriter out;
    out.begin_object()
        .key("s")
        .value(nasty)
        .key("n")
        .value(-42)
        .key("b")
        .value(true)
        .key("z")
        .null();
    out.key("list").begin_array().value(1).value(2).end_array().end_object();
    auto parsed = nlohmann::json::parse(out.text());
    EXPECT_EQ(parsed["s"], nasty);
    EXPECT_EQ(parsed["n"], -42);
    EXPECT_EQ(parsed["b"], true);
    EXPECT_TRUE(parsed["z"].is_null());
    EXPECT_EQ(parsed["list"], nlohmann::json::array({1, 2}));
}

TEST(JsonWriter, EngagementPageHasTheShapeOfTheApi) {
    core::Engagement e;
    e.id = 7;
    e.company_id = 3;
    e.company_name = "<script>alert(1)</script>";
    e.sessions.resize(4);
    for (int no = 1; no <= 4; ++no) e.sessions[static_cast<std::size_t>(no - 1)].no = no;
    e.sessions[1].planned_date = "2027-01-05";
    core::Page<core::Engagement> page{{e, e}, 12, "next"};
    auto parsed = nlohmann::json::parse(engagement_page_json(page));
    ASSERT_EQ(parsed["items"].size(), 2u);
    EXPECT_EQ(parsed["total"], 12);
    EXPECT_EQ(parsed["next_after"], "next");
    EXPECT_EQ(parsed["items"][0], to_json(e));
    EXPECT_EQ(parsed["items"][0]["company_name"], "<script>alert(1)</script>");
    EXPECT_TRUE(parsed["items"][0]["expert_id"].is_null());
    EXPECT_EQ(parsed["items"][0]["sessions"][1]["planned_date"], "2027-01-05");
}

}  // namespace
}  // namespace shido::services
