#include <gtest/gtest.h>

#include <unistd.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <stdexcept>

#include "exports/hearing/hearing_exports.hpp"
#include "support/pdf_tools.hpp"
#include "support/tools.hpp"

namespace shido::exports {
namespace {

using nlohmann::json;

json inspect_hearing_xlsx(const std::string& bytes) {
    const std::string python = "/usr/bin/python3";
    if (::access(python.c_str(), X_OK) != 0)
        throw std::runtime_error("/usr/bin/python3 not found: apt-get install -y python3");
    testing::TempDir dir;
    const auto file = dir.path() / "hearing.xlsx";
    testing::write_file(file, bytes);
    const auto result = testing::run_command(
        python + " " + testing::shell_quote(SHIDO_TEST_SUPPORT_DIR "/inspect_xlsx.py") + " " +
        testing::shell_quote(file.string()) + " 2>/dev/null");
    if (result.exit_code != 0)
        throw std::runtime_error("inspect_xlsx.py failed (python3-openpyxl installed?):\n" +
                                 result.output);
    return json::parse(result.output);
}

json hearing_cell(const json& facts, int row, int col) {
    for (const auto& cell : facts["cells"]["ヒアリングシート"])
        if (cell[0] == row && cell[1] == col) return cell;
    return nullptr;
}

core::hearing::HearingDocument hearing_sample() {
    core::hearing::HearingDocument d;
    d.title = "【様式1】ヒアリングシート";
    d.item_header = "ヒアリング項目";
    d.result_header = "ヒアリング結果（今回の指導で考慮すべき点）";
    d.company_name = "株式会社サンプル製作所";
    d.expert_name = "専門家 一郎";
    d.date = "2026-12-03";
    d.rows = {
        {1, "訪問先企業の事業内容", "1", "訪問先企業の事業内容", "Web サイト: 従業員30名",
         "=HYPERLINK(\"http://evil\",\"click\")", false},
        {5, "IT環境と活用状況", "5.9", "重要情報資産の保管・管理状況", "",
         "＋バックアップは週1回らしい\n保管場所は未確認", true},
    };
    return d;
}

TEST(HearingXlsx, TheLayoutOfTheFormWithUserTextNeutralised) {
    const json facts = inspect_hearing_xlsx(write_hearing_xlsx(hearing_sample()));
    EXPECT_EQ(facts["sheets"], json({"ヒアリングシート"}));
    EXPECT_TRUE(facts["formula_cells"].empty()) << facts["formula_cells"].dump();
    EXPECT_EQ(hearing_cell(facts, 1, 1)[2], "【様式1】ヒアリングシート");
    EXPECT_EQ(hearing_cell(facts, 2, 1)[2],
              "企業名 株式会社サンプル製作所　担当専門家 専門家 一郎　作成日 2026-12-03");
    EXPECT_EQ(hearing_cell(facts, 4, 2)[2], "ヒアリング項目");
    EXPECT_EQ(hearing_cell(facts, 4, 3)[2], "事前準備メモ");
    EXPECT_EQ(hearing_cell(facts, 4, 4)[2], "ヒアリング結果（今回の指導で考慮すべき点）");
    EXPECT_EQ(hearing_cell(facts, 5, 1)[2], "1 訪問先企業の事業内容");
    EXPECT_EQ(hearing_cell(facts, 5, 4)[2], "'=HYPERLINK(\"http://evil\",\"click\")");
    EXPECT_TRUE(hearing_cell(facts, 5, 5).is_null()) << "not unclear: blank";
    EXPECT_EQ(hearing_cell(facts, 6, 2)[2], "5.9 重要情報資産の保管・管理状況");
    EXPECT_EQ(hearing_cell(facts, 6, 4)[2], "'＋バックアップは週1回らしい\n保管場所は未確認");
    EXPECT_EQ(hearing_cell(facts, 6, 5)[2], "✔");
    EXPECT_EQ(facts["freeze_panes"]["ヒアリングシート"], "A5");
}

TEST(HearingPdf, JapaneseTextInAnEmbeddedFontWithTheSubmittedMark) {
    auto d = hearing_sample();
    d.submitted_copy = true;
    auto pdf = render_hearing_pdf(d);
    auto text = testing::joined(testing::pdf_text(pdf));
    for (const char* expected :
         {"【様式1】ヒアリングシート", "株式会社サンプル製作所", "（提出された版）",
          "5.9 重要情報資産の保管・管理状況", "保管場所は未確認", "要確認", "2026年12月3日"})
        EXPECT_NE(text.find(testing::joined(expected)), std::string::npos) << expected;
    const std::string fonts = testing::pdf_fonts(pdf);
    std::smatch match;
    ASSERT_TRUE(std::regex_search(
        fonts, match, std::regex(R"(IPAexGothic.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+)")))
        << fonts;
    EXPECT_EQ(match[1], "yes") << "IPAexGothic must be embedded:\n" << fonts;
}

}  // namespace
}  // namespace shido::exports
