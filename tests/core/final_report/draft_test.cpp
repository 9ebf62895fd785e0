// The final report's draft from the engagement's facts: each generated section's text, the
// case without a final self-assessment round, the refresh keeping the expert's own texts, the
// limits and the submission check.
#include "core/final_report/draft.hpp"

#include <gtest/gtest.h>

#include "content/library.hpp"
#include "core/error.hpp"

namespace shido::core::final_report {
namespace {

const Labels& labels() {
    static const auto library = content::load_library(SHIDO_CONTENT_DIR);
    return library.final_report;
}

Facts facts_with_rounds(bool final_round) {
    Facts f;
    f.sessions = {{1, "第1回", "現状把握", std::string("2026-10-01"), std::string("2026-10-01")},
                  {2, "第2回", "基本方針", std::nullopt, std::string("2026-11-05")},
                  {3, "第3回", "規程", std::nullopt, std::nullopt}};
    f.diagnosis.first = RoundFact{"初回診断", 3, 41.7, "要改善"};
    if (final_round) {
        f.diagnosis.final = RoundFact{"最終診断", 3, 63.0, "おおむね良好"};
        f.diagnosis.changes = {{4, "パスワード", 2.0, 4.0}, {9, "バックアップ", 3.0, 2.0}};
    }
    f.policy = {documents::DocumentState::submitted, 2, std::string("山田 太郎"),
                Timestamp{1'800'000'000}, true};
    f.rules.state = documents::DocumentState::draft;
    f.rules.counts = {{"新規に作成した（作成予定）", 2}, {"当面は作成の必要なしと判断した", 1}};
    f.rules.unset = 8;
    f.rules.total = 11;
    return f;
}

TEST(FinalReportDraft, ListsEverySessionWithItsDateOrWhyItHasNone) {
    auto body = draft(labels(), facts_with_rounds(true));
    const auto& text = body.text(Section::overview);
    EXPECT_NE(text.find("第1回（現状把握）　2026-10-01 実施"), std::string::npos) << text;
    EXPECT_NE(text.find("第2回（基本方針）　未実施（予定 2026-11-05）"), std::string::npos);
    EXPECT_NE(text.find("第3回（規程）　未実施（日程未定）"), std::string::npos);
}

TEST(FinalReportDraft, ComparesTheFirstAndTheFinalRound) {
    auto body = draft(labels(), facts_with_rounds(true));
    const auto& text = body.text(Section::diagnosis);
    EXPECT_NE(text.find("初回（初回診断）: 平均 41.7 点（要改善）、回答 3 名"), std::string::npos)
        << text;
    EXPECT_NE(text.find("最終回（最終診断）: 平均 63.0 点（おおむね良好）"), std::string::npos);
    EXPECT_NE(text.find("初回からの変化: 平均 +21.3 点"), std::string::npos);
    EXPECT_NE(text.find("改善した項目: No.4 パスワード（+2.0）"), std::string::npos);
    EXPECT_NE(text.find("低下した項目: No.9 バックアップ（-1.0）"), std::string::npos);
    EXPECT_EQ(body.facts.diagnosis.final->total_mean, 63.0);
}

TEST(FinalReportDraft, WithoutAFinalRoundSaysThereIsNoComparison) {
    auto body = draft(labels(), facts_with_rounds(false));
    const auto& text = body.text(Section::diagnosis);
    EXPECT_NE(text.find("初回（初回診断）"), std::string::npos);
    EXPECT_EQ(text.find("最終回"), std::string::npos) << text;
    EXPECT_NE(text.find(labels().phrase("no_final_round")), std::string::npos);
    EXPECT_EQ(text.find("初回からの変化"), std::string::npos);
}

TEST(FinalReportDraft, WithoutAnyRoundPolicyOrRulesSaysSo) {
    auto body = draft(labels(), Facts{});
    EXPECT_EQ(body.text(Section::diagnosis), labels().phrase("no_round"));
    EXPECT_EQ(body.text(Section::policy), labels().phrase("policy_none"));
    EXPECT_EQ(body.text(Section::rules), labels().phrase("rules_none"));
    EXPECT_NE(body.text(Section::plan).find("未着手"), std::string::npos);
    EXPECT_TRUE(body.text(Section::evaluation).empty());
}

TEST(FinalReportDraft, TellsThePolicysApprovalAndTheRulesCounts) {
    auto body = draft(labels(), facts_with_rounds(true));
    const auto& policy = body.text(Section::policy);
    EXPECT_NE(policy.find("第2版が 2027-01-15 に山田 太郎により承認"), std::string::npos) << policy;
    EXPECT_NE(policy.find(labels().phrase("policy_published")), std::string::npos);
    EXPECT_NE(policy.find(labels().phrase("policy_submitted")), std::string::npos);
    const auto& rules = body.text(Section::rules);
    EXPECT_NE(rules.find("・新規に作成した（作成予定）: 2 件"), std::string::npos) << rules;
    EXPECT_NE(rules.find("・未点検: 8 件"), std::string::npos);
}

TEST(FinalReportDraft, ThePlanSummaryJoinsOnceThePlanGivesOne) {
    auto f = facts_with_rounds(true);
    f.plan_state = documents::DocumentState::approved;
    EXPECT_EQ(draft(labels(), f).text(Section::plan).find("対策 "), std::string::npos);
    f.plan = PlanFacts{5, "重点は認証とバックアップ"};
    auto text = draft(labels(), f).text(Section::plan);
    EXPECT_NE(text.find("承認済"), std::string::npos) << text;
    EXPECT_NE(text.find("重点は認証とバックアップ（対策 5 件）"), std::string::npos) << text;
}

TEST(FinalReportDraft, ARefreshRewritesTheFactsButKeepsTheExpertsOwnSections) {
    auto current = draft(labels(), facts_with_rounds(false));
    current.text(Section::diagnosis) = "専門家が書き換えた";
    current.text(Section::support) = "継続支援を提案します";
    current.text(Section::evaluation) = "よく取り組まれました";
    auto fresh = refreshed(labels(), current, facts_with_rounds(true));
    EXPECT_NE(fresh.text(Section::diagnosis).find("最終回"), std::string::npos);
    EXPECT_EQ(fresh.text(Section::support), "継続支援を提案します");
    EXPECT_EQ(fresh.text(Section::evaluation), "よく取り組まれました");
    EXPECT_TRUE(fresh.facts.diagnosis.final.has_value());
}

TEST(FinalReportDraft, ATextOverItsLimitIsRefusedNamingTheSection) {
    Body b;
    b.text(Section::evaluation) =
        std::string(labels().section(Section::evaluation).max_chars + 1, 'a');
    Validator v;
    validate(labels(), b, v);
    EXPECT_FALSE(v.ok());
    try {
        v.throw_if_failed();
    } catch (const DomainError& e) {
        EXPECT_TRUE(e.fields().count("texts.evaluation")) << e.what();
    }
}

TEST(FinalReportDraft, SubmissionNeedsEveryRequiredSection) {
    auto b = draft(labels(), facts_with_rounds(true));
    b.text(Section::evaluation) = " \u3000\n";
    Validator v;
    validate_for_submission(labels(), b, v);
    ASSERT_FALSE(v.ok());
    b.text(Section::evaluation) = "所見";
    Validator ok;
    validate_for_submission(labels(), b, ok);
    EXPECT_TRUE(ok.ok());
}

TEST(FinalReportState, ReturnedIsADraftAndAcceptedIsSubmitted) {
    using documents::DocumentState;
    EXPECT_EQ(document_state_of(std::nullopt), DocumentState::not_started);
    EXPECT_EQ(document_state_of(ReportState::draft), DocumentState::draft);
    EXPECT_EQ(document_state_of(ReportState::returned), DocumentState::draft);
    EXPECT_EQ(document_state_of(ReportState::submitted), DocumentState::submitted);
    EXPECT_EQ(document_state_of(ReportState::accepted), DocumentState::submitted);
}

TEST(FinalReportFill, ReplacesKnownPlaceholdersOnly) {
    EXPECT_EQ(fill("{a}と{b}と{c", {{"a", "1"}, {"b", "2"}}), "1と2と{c");
    EXPECT_EQ(fill("{x}", {}), "{x}");
}

}  // namespace
}  // namespace shido::core::final_report
