// The basic policy's pure rules: the draft from the guide's sample, validation, which sample
// articles a pasted policy covers, the asset scope proposed from the hearing notes, and the
// side-by-side comparison of two versions (lines, then characters).
#include <gtest/gtest.h>

#include "content/json_file.hpp"
#include "content/policy.hpp"
#include "core/error.hpp"
#include "core/policy/policy_analysis.hpp"
#include "core/policy/policy_diff.hpp"
#include "core/policy/policy_print.hpp"

namespace shido::core::policy {
namespace {

const PolicySample& policy_test_sample() {
    static const PolicySample s = content::parse_policy_sample(
        content::read_json_file(std::string(SHIDO_CONTENT_DIR) + "/policy/ipa-3.1.json"),
        "ipa-3.1.json");
    return s;
}

PolicyDocument policy_filled() {
    return draft_from_sample(policy_test_sample(),
                             {"株式会社テスト製作所", "代表取締役社長", "山田 太郎"}, "own");
}

DomainError::FieldErrors policy_errors_of(const PolicyDocument& d) {
    Validator v;
    validate(d, policy_test_sample(), v);
    try {
        v.throw_if_failed();
    } catch (const DomainError& e) {
        return e.fields();
    }
    return {};
}

TEST(PolicyDraft, StartsFromTheSampleWithTheCompanysData) {
    auto d = policy_filled();
    ASSERT_EQ(d.articles.size(), 5u);
    EXPECT_EQ(d.articles[0].title, "経営者の責任");
    EXPECT_EQ(d.articles[4].title, "違反及び事故への対応");
    EXPECT_EQ(d.representative_name, "山田 太郎");
    auto preamble = full_preamble(d, policy_test_sample());
    EXPECT_EQ(preamble.rfind("株式会社テスト製作所（以下、当社）は、当社の情報資産を", 0), 0u)
        << preamble;
    d.asset_scope = "customer_entrusted";
    EXPECT_NE(full_preamble(d, policy_test_sample()).find("お客様からお預かりした情報資産を"),
              std::string::npos);
}

TEST(PolicyValidation, TheSampleDraftIsValidAndADateMustBeReal) {
    auto d = policy_filled();
    EXPECT_TRUE(policy_errors_of(d).empty());
    d.established_on = "2025-02-30";
    auto errors = policy_errors_of(d);
    ASSERT_TRUE(errors.count("established_on"));
    EXPECT_NE(errors["established_on"].find("制定日"), std::string::npos);
    d.established_on = "令和7年4月1日";
    EXPECT_TRUE(policy_errors_of(d).count("established_on"));
    d.established_on = "2025-04-01";
    EXPECT_TRUE(policy_errors_of(d).empty());
}

TEST(PolicyValidation, NamesEveryBadField) {
    auto d = policy_filled();
    d.asset_scope = "everyone";
    d.articles[1].title = "　";
    d.company_name = "";
    auto errors = policy_errors_of(d);
    EXPECT_TRUE(errors.count("asset_scope"));
    EXPECT_TRUE(errors.count("articles.1.title"));
    EXPECT_TRUE(errors.count("company_name"));
    d.articles.clear();
    EXPECT_TRUE(policy_errors_of(d).count("articles"));
}

TEST(PolicyCoverage, FindsCoveredArticlesBySynonymsAndNamesTheMissingOnes) {
    auto result = coverage(
        "当社は経営陣の主導のもと、情報 セキュリティに取り組みます。\n"
        "全ての社員は教育を受けます。",
        policy_test_sample());
    ASSERT_EQ(result.size(), 5u);
    EXPECT_TRUE(result[0].covered);
    EXPECT_EQ(result[0].found, "経営陣");
    EXPECT_FALSE(result[1].covered);
    EXPECT_TRUE(result[2].covered);
    EXPECT_FALSE(result[3].covered);
    EXPECT_FALSE(result[4].covered);
    EXPECT_FALSE(result[4].found);
}

TEST(PolicyCoverage, TheSampleItselfCoversEveryArticle) {
    std::string text;
    for (const auto& a : policy_test_sample().articles) text += a.title + "\n" + a.text + "\n";
    for (const auto& c : coverage(text, policy_test_sample())) EXPECT_TRUE(c.covered) << c.title;
}

TEST(PolicyProposal, CustomerInformationInTheHearingNotesProposesTheCustomersAssets) {
    auto with = propose_asset_scope({"特になし", "受注時にお客様の 図面データを預かっている"},
                                    policy_test_sample());
    EXPECT_EQ(with.asset_scope, policy_test_sample().scope_with_customer_information);
    ASSERT_TRUE(with.found);
    auto without = propose_asset_scope({"社内の経理データのみ"}, policy_test_sample());
    EXPECT_EQ(without.asset_scope, policy_test_sample().scope_without_customer_information);
    EXPECT_FALSE(without.found);
    EXPECT_EQ(propose_asset_scope({}, policy_test_sample()).asset_scope,
              policy_test_sample().scope_without_customer_information);
}

TEST(PolicyDiff, UnchangedVersionsGiveOnlyUnchangedRows) {
    auto lines = lines_of(policy_filled(), policy_test_sample());
    auto rows = diff_lines(lines, lines);
    ASSERT_EQ(rows.size(), lines.size());
    for (const auto& r : rows) EXPECT_EQ(r.change, LineChange::unchanged);
}

TEST(PolicyDiff, AChangedLineMarksTheChangedCharactersAndAnAddedArticleIsAdded) {
    auto before = policy_filled();
    auto after = before;
    after.articles[0].text =
        "当社は、経営者主導で組織的かつ継続的に情報セキュリティの改善に努めます。";
    after.articles.push_back({"委託先の管理", "当社は、委託先を適切に管理します。"});
    auto rows =
        diff_lines(lines_of(before, policy_test_sample()), lines_of(after, policy_test_sample()));
    int changed = 0, added = 0;
    for (const auto& r : rows) {
        if (r.change == LineChange::changed) {
            ++changed;
            EXPECT_EQ(r.section, "1. 経営者の責任");
            std::string removed;
            for (const auto& s : r.left_segments)
                if (s.changed) removed += s.text;
            EXPECT_EQ(removed, "・向上");
            for (const auto& s : r.right_segments) EXPECT_FALSE(s.changed) << s.text;
        }
        if (r.change == LineChange::added) {
            ++added;
            EXPECT_FALSE(r.left);
            EXPECT_EQ(r.section, "6. 委託先の管理");
        }
    }
    EXPECT_EQ(changed, 1);
    EXPECT_EQ(added, 2);  // the heading and the text
}

TEST(PolicyDiff, CharactersOfJapaneseTextAreComparedWhole) {
    auto [left, right] = diff_characters("情報資産を守る", "情報資産を確実に守る");
    ASSERT_EQ(right.size(), 3u);
    EXPECT_EQ(right[1].text, "確実に");
    EXPECT_TRUE(right[1].changed);
    ASSERT_EQ(left.size(), 1u);
    EXPECT_FALSE(left[0].changed);
}

TEST(PolicyPrint, NumbersTheArticlesAndWritesTheDateInJapanese) {
    PolicyVersion v;
    v.number = 2;
    v.document = policy_filled();
    v.document.established_on = "2025-04-01";
    auto p = print_of(v, policy_test_sample());
    EXPECT_EQ(p.articles[2].heading, "3. 従業員の取組み");
    EXPECT_EQ(p.established_line, "制定日: 2025年4月1日");
    EXPECT_EQ(p.representative_line, "代表取締役社長 山田 太郎");
    EXPECT_FALSE(p.approved);
}

TEST(PolicyStatus, FollowsTheHeadFromNotStartedToSubmitted) {
    using documents::DocumentState;
    EXPECT_EQ(policy_status(std::nullopt).state, DocumentState::not_started);
    PolicyHead h;
    h.latest_number = 1;
    EXPECT_EQ(policy_status(h).state, DocumentState::draft);
    h.approved_number = 1;
    EXPECT_EQ(policy_status(h).state, DocumentState::approved);
    h.submitted_number = 1;
    h.submitted_at = 5;
    EXPECT_EQ(policy_status(h).state, DocumentState::submitted);
    h.approved_number = 2;  // a newer version approved: to be submitted again
    EXPECT_EQ(policy_status(h).state, DocumentState::approved);
    EXPECT_EQ(policy_status(h).kind, documents::DocumentKind::basic_policy);
}

}  // namespace
}  // namespace shido::core::policy
