#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <regex>
#include <stdexcept>

#include "exports/diagnosis/report_pdf.hpp"
#include "support/pdf_tools.hpp"
#include "support/report_fixture.hpp"

namespace shido::exports {
namespace {

namespace dx = core::diagnosis;

const std::string sample_company = "株式会社サンプル製作所";

std::string decimal_text(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

TEST(ReportPdf, HasTitleCompanyResultsAndTheEmbeddedJapaneseFont) {
    const auto report =
        testing::make_report(sample_company, testing::five_sheets(), testing::sample_findings());
    const std::string pdf = render_report_pdf(report);
    ASSERT_EQ(pdf.substr(0, 5), "%PDF-");

    const std::string text = testing::joined(testing::pdf_text(pdf));
    EXPECT_NE(text.find("自社診断結果報告"), std::string::npos);
    EXPECT_NE(text.find(sample_company), std::string::npos);
    EXPECT_NE(text.find("回答者区分別の結果"), std::string::npos);
    EXPECT_NE(text.find("経営者"), std::string::npos);
    EXPECT_NE(text.find("従業員としての対策"), std::string::npos);  // a radar axis
    EXPECT_NE(text.find("OS・ソフトウェアの更新"), std::string::npos);
    // Item 1: everybody has done it, so it is drilled down with its check points.
    EXPECT_NE(text.find("状況を管理する担当者は決まっているか"), std::string::npos);
    EXPECT_NE(text.find("パスワードの長さと使い回し禁止を社内ルールにする。"), std::string::npos);

    const std::string fonts = testing::pdf_fonts(pdf);
    std::smatch match;
    ASSERT_TRUE(std::regex_search(
        fonts, match, std::regex(R"(IPAexGothic.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+)")))
        << fonts;
    EXPECT_EQ(match[1], "yes") << "IPAexGothic must be embedded:\n" << fonts;
}

TEST(ReportPdf, ShowsTheBandOfTheMeanTotal) {
    const auto report = testing::make_report(sample_company, testing::five_sheets(), {});
    const std::string text = testing::joined(testing::pdf_text(render_report_pdf(report)));
    const double mean = report.analysis.all.total_mean;
    const auto& band = dx::band_for(*report.instrument, static_cast<int>(std::floor(mean)));
    EXPECT_NE(text.find(decimal_text(mean) + "点（100点満点）"), std::string::npos)
        << text.substr(0, 1500);
    EXPECT_NE(text.find(band.label), std::string::npos);
    EXPECT_NE(text.find(band.meaning), std::string::npos);
    EXPECT_NE(text.find("2025年6月1日"), std::string::npos);
}

TEST(ReportPdf, LongContentBreaksIntoPagesAndNothingLeavesThePage) {
    std::vector<dx::Finding> findings;
    std::string long_text;
    for (int i = 0; i < 12; ++i)
        long_text += "バックアップの取得と復元の手順を見直し、担当者を決めて定期的に確認する。";
    for (int no = 1; no <= 25; ++no)
        findings.push_back({no, "メモ" + std::to_string(no), long_text, dx::Level::medium,
                            dx::Level::high, dx::Difficulty::medium, no % 5 == 0, 0});
    std::string huge;
    for (int i = 0; i < 400; ++i) huge += "とても長い課題の説明が続きます。";
    findings[3].finding = huge;  // taller than a page: cut with …
    const auto report = testing::make_report(sample_company, testing::five_sheets(), findings);
    const std::string pdf = render_report_pdf(report);

    const int pages = testing::pdf_pages(pdf);
    EXPECT_GE(pages, 4);
    EXPECT_LE(pages, 20);
    const auto boxes = testing::pdf_word_boxes(pdf);
    ASSERT_NEAR(boxes.width, 595.3, 0.5);  // A4
    ASSERT_NEAR(boxes.height, 841.9, 0.5);
    ASSERT_FALSE(boxes.words.empty());
    for (const auto& word : boxes.words) {
        EXPECT_GE(word.x_min, 50) << word.text << " on page " << word.page;
        EXPECT_LE(word.x_max, boxes.width - 50) << word.text << " on page " << word.page;
        EXPECT_GE(word.y_min, 50) << word.text << " on page " << word.page;
        EXPECT_LE(word.y_max, boxes.height - 20) << word.text << " on page " << word.page;
    }
    // Body text stays above the footer; the footer has "n / N" on every page.
    const std::string text = testing::pdf_text(pdf);
    for (int page = 1; page <= pages; ++page)
        EXPECT_NE(text.find(std::to_string(page) + " / " + std::to_string(pages)),
                  std::string::npos)
            << page;
}

TEST(ReportPdf, EmptyRoundStillRenders) {
    const auto report = testing::make_report(sample_company, {}, {});
    const std::string pdf = render_report_pdf(report);
    ASSERT_EQ(pdf.substr(0, 5), "%PDF-");
    const std::string text = testing::joined(testing::pdf_text(pdf));
    EXPECT_NE(text.find("回答はまだありません。"), std::string::npos);
    EXPECT_NE(text.find("登録された課題はまだありません。"), std::string::npos);
    EXPECT_EQ(text.find("分野別の実施率"), std::string::npos) << "no charts without answers";
    EXPECT_EQ(testing::pdf_pages(pdf), 1);
}

TEST(ReportPdf, NeedsTheInstrument) {
    EXPECT_THROW(render_report_pdf(dx::DiagnosisReport{}), std::invalid_argument);
}

}  // namespace
}  // namespace shido::exports
