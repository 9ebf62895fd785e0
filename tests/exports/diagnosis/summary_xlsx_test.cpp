#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "exports/diagnosis/summary_xlsx.hpp"
#include "support/report_fixture.hpp"
#include "support/tools.hpp"

namespace shido::exports {
namespace {

namespace dx = core::diagnosis;
using nlohmann::json;

const std::string formula_company = "=HYPERLINK(\"http://x\")";

// Runs tests/support/inspect_xlsx.py on the workbook with Debian's python and openpyxl.
json inspect(const std::string& bytes) {
    const std::string python = "/usr/bin/python3";
    if (::access(python.c_str(), X_OK) != 0)
        throw std::runtime_error("/usr/bin/python3 not found: apt-get install -y python3");
    const auto probe = testing::run_command(python + " -c 'import openpyxl'");
    if (probe.exit_code != 0)
        throw std::runtime_error(
            "openpyxl missing for /usr/bin/python3: apt-get install -y "
            "python3-openpyxl\n" +
            probe.output);
    testing::TempDir dir;
    const auto file = dir.path() / "summary.xlsx";
    testing::write_file(file, bytes);
    const auto result = testing::run_command(
        python + " " + testing::shell_quote(SHIDO_TEST_SUPPORT_DIR "/inspect_xlsx.py") + " " +
        testing::shell_quote(file.string()) + " 2>/dev/null");
    if (result.exit_code != 0)
        throw std::runtime_error("inspect_xlsx.py failed:\n" + result.output);
    return json::parse(result.output);
}

// The cell right of the first cell in column A holding `label` on a sheet.
json value_next_to(const json& facts, const std::string& sheet, const std::string& label) {
    for (const auto& cell : facts["cells"][sheet]) {
        if (cell[1] == 1 && cell[2] == label) {
            for (const auto& other : facts["cells"][sheet])
                if (other[0] == cell[0] && other[1] == 2) return other;
        }
    }
    return nullptr;
}

bool has_string(const json& facts, const std::string& sheet, const std::string& text) {
    for (const auto& cell : facts["cells"][sheet])
        if (cell[2] == text && cell[3] == "s") return true;
    return false;
}

json cell_at(const json& facts, const std::string& sheet, int row, int col) {
    for (const auto& cell : facts["cells"][sheet])
        if (cell[0] == row && cell[1] == col) return cell;
    return nullptr;
}

TEST(SummaryXlsx, IsAZipFile) {
    const auto report = testing::make_report("株式会社サンプル", testing::five_sheets(),
                                             testing::sample_findings());
    const std::string bytes = write_summary_xlsx(report);
    ASSERT_GT(bytes.size(), 1000u);
    EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
}

TEST(SummaryXlsx, LeavesNoTemporaryFileBehind) {
    testing::TempDir dir;
    const char* old = std::getenv("TMPDIR");
    const std::string saved = old ? old : "";
    ::setenv("TMPDIR", dir.path().c_str(), 1);
    const auto report = testing::make_report("株式会社サンプル", testing::five_sheets(), {});
    const std::string bytes = write_summary_xlsx(report);
    if (old)
        ::setenv("TMPDIR", saved.c_str(), 1);
    else
        ::unsetenv("TMPDIR");
    EXPECT_EQ(bytes.substr(0, 2), "PK");
    EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(SummaryXlsx, OpenpyxlReadsSheetsTextValidationsAndTheRadarChart) {
    const auto report =
        testing::make_report(formula_company, testing::five_sheets(), testing::sample_findings());
    const json facts = inspect(write_summary_xlsx(report));

    EXPECT_EQ(facts["sheets"], json({"サマリー", "項目別", "課題整理"}));
    EXPECT_EQ(cell_at(facts, "サマリー", 1, 1)[2], "自社診断結果のまとめ");
    EXPECT_EQ(value_next_to(facts, "サマリー", "作成日")[2], "2025年6月1日");
    EXPECT_EQ(value_next_to(facts, "サマリー", "回答者数")[2], 5);

    // The formula-looking company name is text: a string cell starting with '.
    const json company = value_next_to(facts, "サマリー", "企業名");
    ASSERT_FALSE(company.is_null());
    EXPECT_EQ(company[2], "'" + formula_company);
    EXPECT_EQ(company[3], "s");
    EXPECT_TRUE(facts["formula_cells"].empty()) << facts["formula_cells"].dump();
    // Names, departments and findings that look like formulas are neutralised too.
    EXPECT_TRUE(has_string(facts, "サマリー", "'-鈴木"));
    EXPECT_TRUE(has_string(facts, "サマリー", "'@総務部"));
    EXPECT_TRUE(has_string(facts, "サマリー", "'=営業部"));
    EXPECT_TRUE(has_string(facts, "サマリー", "'+田中"));
    EXPECT_TRUE(has_string(facts, "サマリー", "（無記名）"));
    EXPECT_TRUE(has_string(facts, "課題整理", "'+外部媒体への週次バックアップを始める"));
    EXPECT_TRUE(has_string(facts, "課題整理", "'=HYPERLINK(\"http://evil.example\")"));

    // A native radar chart: one series per role that answered, plus 全体.
    ASSERT_EQ(facts["charts"]["サマリー"].size(), 1u);
    EXPECT_EQ(facts["charts"]["サマリー"][0]["type"], "RadarChart");
    EXPECT_EQ(facts["charts"]["サマリー"][0]["series"], 4);
    ASSERT_EQ(facts["chart_parts"].size(), 1u);
    EXPECT_TRUE(facts["chart_parts"][0]["radar"].get<bool>());

    // 項目別: 25 items in order with their topics; the owner's mean on item 1 is 4 points.
    for (int no = 1; no <= 25; ++no) EXPECT_EQ(cell_at(facts, "項目別", no + 1, 1)[2], no);
    EXPECT_EQ(cell_at(facts, "項目別", 2, 3)[2], "OS・ソフトウェアの更新");
    EXPECT_EQ(cell_at(facts, "項目別", 1, 9)[2], "実施している");
    EXPECT_DOUBLE_EQ(cell_at(facts, "項目別", 2, 6)[2].get<double>(), 4.0);
    EXPECT_EQ(cell_at(facts, "項目別", 2, 14)[2], "✔");  // everybody answered 実施している
    EXPECT_EQ(facts["freeze_panes"]["項目別"], "D2");

    // 課題整理: key area first, Japanese ratings, drop-down lists on the rating columns.
    EXPECT_EQ(cell_at(facts, "課題整理", 2, 1)[2], 1);
    EXPECT_EQ(cell_at(facts, "課題整理", 2, 2)[2], 3);
    EXPECT_EQ(cell_at(facts, "課題整理", 2, 5)[2], "高");
    EXPECT_EQ(cell_at(facts, "課題整理", 2, 7)[2], "易");
    EXPECT_EQ(cell_at(facts, "課題整理", 2, 8)[2], "✔");
    EXPECT_TRUE(cell_at(facts, "課題整理", 6, 1).is_null())
        << "findings without text or rating are left out";
    EXPECT_EQ(facts["freeze_panes"]["課題整理"], "A2");
    std::vector<std::string> lists;
    for (const auto& v : facts["validations"]["課題整理"]) {
        EXPECT_EQ(v["type"], "list");
        lists.push_back(v["range"].get<std::string>() + " " + v["formula"].get<std::string>());
    }
    EXPECT_EQ(lists, (std::vector<std::string>{"E2:E55 \"高,中,低\"", "F2:F55 \"高,中,低\"",
                                               "G2:G55 \"易,中,難\"", "H2:H55 \"✔\""}));
}

TEST(SummaryXlsx, EmptyRoundStillGivesAWorkbook) {
    const auto report = testing::make_report("株式会社サンプル", {}, {});
    const json facts = inspect(write_summary_xlsx(report));
    EXPECT_EQ(facts["sheets"].size(), 3u);
    EXPECT_EQ(value_next_to(facts, "サマリー", "回答者数")[2], 0);
    EXPECT_TRUE(value_next_to(facts, "サマリー", "判定").is_null()) << "no band without answers";
    EXPECT_TRUE(has_string(facts, "課題整理", "登録された課題はまだありません。"));
    EXPECT_EQ(facts["charts"]["サマリー"][0]["series"], 1);  // 全体 only
}

TEST(SummaryXlsx, OverlongAndInvalidTextIsCutAndRepaired) {
    const std::string huge(40000, 'a');
    auto report = testing::make_report(huge, testing::five_sheets(), {});
    report.industry = "製造\xFF業";
    const json facts = inspect(write_summary_xlsx(report));
    EXPECT_EQ(value_next_to(facts, "サマリー", "企業名")[2].get<std::string>().size(), 32767u);
    EXPECT_EQ(value_next_to(facts, "サマリー", "業種")[2], "製造\uFFFD業");
}

TEST(SummaryXlsx, NeedsTheInstrument) {
    dx::DiagnosisReport report;
    EXPECT_THROW(write_summary_xlsx(report), std::invalid_argument);
}

}  // namespace
}  // namespace shido::exports
