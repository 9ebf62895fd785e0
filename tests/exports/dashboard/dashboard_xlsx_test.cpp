#include <gtest/gtest.h>

#include <unistd.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "exports/dashboard/dashboard_xlsx.hpp"
#include "support/tools.hpp"

namespace shido::exports {
namespace {

using nlohmann::json;

// Runs tests/support/inspect_xlsx.py on the workbook with Debian's python and openpyxl.
json inspect_dashboard(const std::string& bytes) {
    const std::string python = "/usr/bin/python3";
    if (::access(python.c_str(), X_OK) != 0)
        throw std::runtime_error("/usr/bin/python3 not found: apt-get install -y python3");
    testing::TempDir dir;
    const auto file = dir.path() / "dashboard.xlsx";
    testing::write_file(file, bytes);
    const auto result = testing::run_command(
        python + " " + testing::shell_quote(SHIDO_TEST_SUPPORT_DIR "/inspect_xlsx.py") + " " +
        testing::shell_quote(file.string()) + " 2>/dev/null");
    if (result.exit_code != 0)
        throw std::runtime_error("inspect_xlsx.py failed (python3-openpyxl installed?):\n" +
                                 result.output);
    return json::parse(result.output);
}

json dashboard_cell(const json& facts, int row, int col) {
    for (const auto& cell : facts["cells"]["指導案件一覧"])
        if (cell[0] == row && cell[1] == col) return cell;
    return nullptr;
}

core::DashboardRow row_of(std::string company, std::string industry) {
    core::DashboardRow r;
    r.id = 1;
    r.company_name = std::move(company);
    r.industry = std::move(industry);
    r.status = core::EngagementStatus::in_progress;
    r.sessions = {{1, "2026-12-03", "2026-12-03", core::SessionProgress::report_accepted},
                  {2, "2026-12-17", "2026-12-17", core::SessionProgress::report_submitted},
                  {3, "2027-01-07", std::nullopt, core::SessionProgress::planned},
                  {4, std::nullopt, std::nullopt, core::SessionProgress::unplanned}};
    r.current = {2, core::SessionProgress::report_submitted};
    r.next_date = "2027-01-07";
    r.overdue_tasks = 3;
    r.reports_waiting = 1;
    return r;
}

TEST(DashboardXlsx, OpenpyxlReadsTheTableWithFormulaTextNeutralised) {
    core::DashboardExport table;
    table.generated_on = "2026-12-01";
    table.filters = {"業種: =製造業"};
    table.sessions = 4;
    table.rows.push_back(row_of("=HYPERLINK(\"http://x\",\"click\")", "＋製造業"));
    auto second = row_of("株式会社サンプル", "@運輸業");
    second.expert_id = 7;
    second.expert_name = "-専門家";
    second.sessions.pop_back();  // a three-session course
    table.rows.push_back(second);

    const json facts = inspect_dashboard(write_dashboard_xlsx(table));
    EXPECT_EQ(facts["sheets"], json({"指導案件一覧"}));
    EXPECT_TRUE(facts["formula_cells"].empty()) << facts["formula_cells"].dump();
    EXPECT_EQ(dashboard_cell(facts, 1, 1)[2], "指導案件一覧");
    EXPECT_EQ(dashboard_cell(facts, 2, 1)[2], "作成日 2026-12-01　2件　業種: =製造業");
    // Header on row 4, the rows from 5.
    const json headers = {"企業名",        "業種",           "担当専門家", "案件の状態",
                          "現在の回",      "現在の回の状況", "第1回",      "第2回",
                          "第3回",         "第4回",          "次回予定日", "期限切れのタスク",
                          "確認待ちの報告"};
    for (std::size_t col = 0; col < headers.size(); ++col)
        EXPECT_EQ(dashboard_cell(facts, 4, static_cast<int>(col) + 1)[2], headers[col]);
    EXPECT_EQ(dashboard_cell(facts, 5, 1),
              json({5, 1, "'=HYPERLINK(\"http://x\",\"click\")", "s"}));
    EXPECT_EQ(dashboard_cell(facts, 5, 2)[2], "'＋製造業");
    EXPECT_EQ(dashboard_cell(facts, 5, 3)[2], "未割当");
    EXPECT_EQ(dashboard_cell(facts, 5, 4)[2], "指導中");
    EXPECT_EQ(dashboard_cell(facts, 5, 5)[2], "第2回");
    EXPECT_EQ(dashboard_cell(facts, 5, 6)[2], "報告提出");
    EXPECT_EQ(dashboard_cell(facts, 5, 7)[2], "報告受理 2026-12-03");
    EXPECT_EQ(dashboard_cell(facts, 5, 9)[2], "予定 2027-01-07");
    EXPECT_EQ(dashboard_cell(facts, 5, 10)[2], "未計画");
    EXPECT_EQ(dashboard_cell(facts, 5, 11)[2], "2027-01-07");
    EXPECT_EQ(dashboard_cell(facts, 5, 12), json({5, 12, 3, "n"}));
    EXPECT_EQ(dashboard_cell(facts, 5, 13), json({5, 13, 1, "n"}));
    EXPECT_EQ(dashboard_cell(facts, 6, 2)[2], "'@運輸業");
    EXPECT_EQ(dashboard_cell(facts, 6, 3)[2], "'-専門家");
    EXPECT_TRUE(dashboard_cell(facts, 6, 10).is_null()) << "no fourth session";
    EXPECT_EQ(facts["freeze_panes"]["指導案件一覧"], "B5");
}

TEST(DashboardXlsx, EmptyTableStillGivesAWorkbook) {
    core::DashboardExport table;
    table.generated_on = "2026-12-01";
    const json facts = inspect_dashboard(write_dashboard_xlsx(table));
    EXPECT_EQ(dashboard_cell(facts, 2, 1)[2], "作成日 2026-12-01　0件　すべての指導案件");
    EXPECT_EQ(dashboard_cell(facts, 4, 1)[2], "企業名");
}

}  // namespace
}  // namespace shido::exports
