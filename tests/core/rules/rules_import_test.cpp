// The import's validation of parsed cells: pure, a grid in, rows or errors by row and column out.
#include <gtest/gtest.h>

#include "core/rules/rules_import.hpp"

namespace shido::core::rules {
namespace {

using office::CellKind;
using office::SheetCell;

ImportForm small_form() {
    ImportForm form;
    form.regulations_id = "ipa-3.1";
    form.headers = {"No.",
                    "関連規程 / ガイド類",
                    "概要",
                    "今回の見直し（プルダウンメニューで選択）",
                    "作成・改定する内容",
                    "担当",
                    "期限",
                    "運用・教育（定着のさせ方）"};
    form.category_names = {"組織的対策", "人的対策", "ＩＴ機器利用"};
    form.result_labels = {"新規に作成した（作成予定）", "既存のものを見直し改定した（改定予定）",
                          "特に対応無しと判断した（既存のまま）", "当面は作成の必要なしと判断した"};
    return form;
}

// The sheet as the export writes it: headers, then one row per category with `results`.
office::SheetCells sheet_with(const std::vector<std::string>& results) {
    office::SheetCells sheet;
    auto form = small_form();
    sheet.cells.push_back({1, 1, CellKind::text, "【様式2】関連規程類の点検結果シート"});
    for (int col = 1; col <= rules_column_count; ++col)
        sheet.cells.push_back({rules_header_row, col, CellKind::text,
                               form.headers[static_cast<std::size_t>(col - 1)]});
    for (std::size_t i = 0; i < form.category_names.size(); ++i) {
        int row = rules_header_row + 1 + static_cast<int>(i);
        sheet.cells.push_back({row, 1, CellKind::text, std::to_string(i + 1)});
        sheet.cells.push_back({row, 2, CellKind::text, form.category_names[i]});
        sheet.cells.push_back({row, 3, CellKind::text, "概要の文"});
        if (i < results.size() && !results[i].empty())
            sheet.cells.push_back({row, 4, CellKind::text, results[i]});
    }
    return sheet;
}

void set(office::SheetCells& sheet, int row, int col, CellKind kind, std::string value) {
    for (auto& c : sheet.cells)
        if (c.row == row && c.column == col) {
            c.kind = kind;
            c.value = std::move(value);
            return;
        }
    sheet.cells.push_back({row, col, kind, std::move(value)});
}

TEST(RulesImport, ReadsEveryCategoryWithHalfWidthBrackets) {
    auto sheet = sheet_with(
        {"既存のものを見直し改定した(改定予定)", "", "特に対応無しと判断した(既存のまま)"});
    set(sheet, 6, 5, CellKind::text, "'=手順書を作る");  // guarded by the export
    set(sheet, 6, 6, CellKind::text, " 山田 ");
    set(sheet, 6, 7, CellKind::number, "46477");  // 2027-03-31 as an Excel date
    set(sheet, 7, 7, CellKind::text, "2027/4/1");
    auto out = read_rules_rows(sheet, small_form());
    ASSERT_TRUE(out.errors.empty())
        << out.errors[0].row << out.errors[0].column << out.errors[0].message;
    ASSERT_EQ(out.rows.size(), 3u);
    EXPECT_EQ(out.rows[0].result, ReviewResult::revised);
    EXPECT_EQ(out.rows[0].content, "=手順書を作る");
    EXPECT_EQ(out.rows[0].assignee, "山田");
    EXPECT_EQ(out.rows[0].due_date, "2027-03-31");
    EXPECT_EQ(out.rows[0].category_key, "ipa-3.1/1");
    EXPECT_FALSE(out.rows[1].result);
    EXPECT_EQ(out.rows[1].due_date, "2027-04-01");
    EXPECT_EQ(out.rows[2].result, ReviewResult::unchanged);
}

TEST(RulesImport, UnknownResultFormulaAndBadDateAreReportedByRowAndColumn) {
    auto sheet = sheet_with({"検討中", "", ""});
    set(sheet, 7, 5, CellKind::formula, "HYPERLINK(\"http://x\")");
    set(sheet, 8, 7, CellKind::text, "来年");
    auto out = read_rules_rows(sheet, small_form());
    EXPECT_TRUE(out.rows.empty());
    ASSERT_EQ(out.errors.size(), 3u);
    auto has = [&](int row, const std::string& col, const std::string& fragment) {
        for (const auto& e : out.errors)
            if (e.row == row && e.column == col && e.message.find(fragment) != std::string::npos)
                return true;
        return false;
    };
    EXPECT_TRUE(has(6, "D", "選択肢にありません"));
    EXPECT_TRUE(has(7, "E", "数式"));
    EXPECT_TRUE(has(8, "G", "日付"));
}

TEST(RulesImport, AnotherWorkbookIsRefusedByItsHeaders) {
    office::SheetCells sheet;
    sheet.cells.push_back({1, 1, CellKind::text, "氏名"});
    auto out = read_rules_rows(sheet, small_form());
    EXPECT_TRUE(out.rows.empty());
    ASSERT_EQ(out.errors.size(), static_cast<std::size_t>(rules_column_count));
    EXPECT_EQ(out.errors[0].row, rules_header_row);
    EXPECT_EQ(out.errors[0].column, "A");
}

TEST(RulesImport, MissingDuplicatedAndMismatchedCategoriesAreErrors) {
    auto sheet = sheet_with({});
    set(sheet, 8, 1, CellKind::text, "1");  // No.1 again instead of No.3
    set(sheet, 8, 2, CellKind::text, "組織的対策");
    set(sheet, 7, 2, CellKind::text, "物理的対策");  // No.2's name is wrong
    auto out = read_rules_rows(sheet, small_form());
    EXPECT_TRUE(out.rows.empty());
    std::string all;
    for (const auto& e : out.errors) all += std::to_string(e.row) + e.column + e.message + "\n";
    EXPECT_NE(all.find("8ANo.1 が2回あります"), std::string::npos) << all;
    EXPECT_NE(all.find("7B"), std::string::npos) << all;
    EXPECT_NE(all.find("No.3（ＩＴ機器利用）の行がありません"), std::string::npos) << all;
}

TEST(RulesImport, FullWidthCategoryNumberAndSpacesAreTheSame) {
    auto sheet = sheet_with({"新規に作成した （作成予定）"});
    set(sheet, 6, 1, CellKind::text, "１");
    auto out = read_rules_rows(sheet, small_form());
    ASSERT_TRUE(out.errors.empty()) << out.errors[0].message;
    EXPECT_EQ(out.rows[0].result, ReviewResult::new_rule);
}

}  // namespace
}  // namespace shido::core::rules
