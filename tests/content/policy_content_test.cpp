// The sample basic policy's file: the five articles of the guide, each recognisable by its
// phrases, and a strict loader that refuses what it does not know or cannot use.
#include <gtest/gtest.h>

#include "content/json_file.hpp"
#include "content/library.hpp"
#include "content/policy.hpp"

namespace shido::content {
namespace {

nlohmann::json policy_content_file() {
    return read_json_file(std::string(SHIDO_CONTENT_DIR) + "/policy/ipa-3.1.json");
}

std::string policy_refusal(const nlohmann::json& doc) {
    try {
        parse_policy_sample(doc, "test");
    } catch (const ContentError& e) {
        return e.what();
    }
    return "(accepted)";
}

TEST(PolicyContent, TheGuidesSampleHasItsFiveArticlesAndThreeScopes) {
    auto library = load_library(SHIDO_CONTENT_DIR);
    const auto& s = library.policy_sample;
    ASSERT_EQ(s.articles.size(), 5u);
    EXPECT_EQ(s.articles[0].title, "経営者の責任");
    EXPECT_EQ(s.articles[1].title, "社内体制の整備");
    EXPECT_EQ(s.articles[2].title, "従業員の取組み");
    EXPECT_EQ(s.articles[3].title, "法令及び契約上の要求事項の遵守");
    EXPECT_EQ(s.articles[4].title, "違反及び事故への対応");
    for (const auto& a : s.articles) EXPECT_GE(a.coverage_phrases.size(), 3u) << a.title;
    ASSERT_NE(s.scope("customer_entrusted"), nullptr);
    EXPECT_EQ(s.scope("customer_entrusted")->label, "お客様からお預かりした");
    EXPECT_EQ(s.scope("own")->label, "当社の");
    EXPECT_NE(s.scope("both"), nullptr);
    EXPECT_FALSE(s.customer_information_phrases.empty());
}

TEST(PolicyContent, RefusesUnknownFieldsAndScopesThatDoNotExist) {
    auto doc = policy_content_file();
    doc["articles"][2]["summary"] = "x";
    EXPECT_NE(policy_refusal(doc).find("test.articles[2]"), std::string::npos);
    doc = policy_content_file();
    doc["scope_with_customer_information"] = "nobody";
    EXPECT_NE(policy_refusal(doc).find("keys of asset_scopes"), std::string::npos);
    doc = policy_content_file();
    doc["preamble_lead"] = "当社は、";
    EXPECT_NE(policy_refusal(doc).find("{company_name}"), std::string::npos);
    doc = policy_content_file();
    doc["articles"][0]["coverage_phrases"] = nlohmann::json::array();
    EXPECT_NE(policy_refusal(doc).find("coverage_phrases"), std::string::npos);
    EXPECT_EQ(policy_refusal(policy_content_file()), "(accepted)");
}

}  // namespace
}  // namespace shido::content
