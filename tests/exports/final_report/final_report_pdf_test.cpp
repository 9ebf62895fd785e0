// The final report's PDF read back with poppler: the sections, the sessions and scores tables,
// the history of submission and review, and the embedded Japanese font.
#include "exports/final_report/final_report_pdf.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "support/pdf_tools.hpp"

namespace shido::testing {
namespace {

namespace fr = core::final_report;

fr::Document final_report_pdf_document(bool final_round) {
    fr::Document d;
    d.title = "最終報告書";
    d.company_name = "株式会社テスト製作所";
    d.expert_name = "専門家 一郎";
    d.course_title = "標準コース（全4回）";
    d.state = core::ReportState::accepted;
    d.submitted_copy = true;
    d.sections = {{"実施概要", "・第1回 実施"},
                  {"自社診断の結果", "初回から改善しました"},
                  {"継続支援の提案", ""},
                  {"専門家の所見・評価", "経営者が主導して取り組まれた"}};
    d.facts.sessions = {
        {1, "第1回", "現状把握と自社診断", std::string("2026-12-03"), std::string("2026-12-03")},
        {2, "第2回", "基本方針", std::nullopt, std::string("2026-12-17")}};
    d.facts.diagnosis.first = fr::RoundFact{"初回診断", 3, 41.7, "要改善"};
    if (final_round) d.facts.diagnosis.final = fr::RoundFact{"最終診断", 4, 72.5, "良好"};
    d.steps = {
        {core::ReportState::draft, core::ReportState::submitted, "専門家 一郎", "", 1'800'000'000},
        {core::ReportState::submitted, core::ReportState::returned, "事務局 花子", "評価を具体的に",
         1'800'003'600}};
    return d;
}

TEST(FinalReportPdf, HoldsTheSectionsTablesAndHistoryWithAnEmbeddedJapaneseFont) {
    auto pdf = exports::render_final_report_pdf(final_report_pdf_document(true));
    auto text = joined(pdf_text(pdf));
    for (const char* expected :
         {"最終報告書", "株式会社テスト製作所", "実施概要", "現状把握と自社診断", "2026年12月3日",
          "未実施", "初回診断", "41.7 点", "最終診断", "72.5 点", "良好", "専門家の所見・評価",
          "経営者が主導して取り組まれた", "評価を具体的に", "事務局 花子", "受理（提出された版）"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
    auto fonts = pdf_fonts(pdf);
    std::smatch match;
    ASSERT_TRUE(std::regex_search(
        fonts, match, std::regex(R"(IPAex\w+.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+)")))
        << fonts;
    EXPECT_EQ(match[1], "yes") << "the Japanese font must be embedded:\n" << fonts;
}

TEST(FinalReportPdf, WithoutAFinalRoundShowsOnlyTheFirst) {
    auto text =
        joined(pdf_text(exports::render_final_report_pdf(final_report_pdf_document(false))));
    EXPECT_NE(text.find("初回診断"), std::string::npos);
    EXPECT_EQ(text.find("最終診断"), std::string::npos) << text;
}

}  // namespace
}  // namespace shido::testing
