#include <gtest/gtest.h>

#include "core/action_plan/plan_sheet.hpp"
#include "plan_sheet_fixture.hpp"

namespace {

using namespace shido::core::action_plan;
using shido::core::action_plan::plan_fixture::plan_form;
using shido::core::office::CellKind;
using shido::core::office::SheetCells;

void put(SheetCells& sheet, int row, PlanColumn column, std::string value,
         CellKind kind = CellKind::text) {
    sheet.cells.push_back({row, static_cast<int>(column), kind, std::move(value)});
}

// A sheet with the form's headers, as the export writes them.
SheetCells headed_sheet() {
    SheetCells sheet;
    auto form = plan_form();
    for (int c = 1; c <= plan_column_count; ++c) {
        auto column = static_cast<PlanColumn>(c);
        bool sub = column == PlanColumn::feasibility || column == PlanColumn::deadline;
        put(sheet, sub ? plan_subheader_row : plan_header_row, column,
            form.headers[static_cast<std::size_t>(c - 1)]);
    }
    put(sheet, plan_header_row, PlanColumn::feasibility, "絞り込み");
    return sheet;
}

SheetCells sheet_with_row(std::initializer_list<std::pair<PlanColumn, std::string>> cells) {
    auto sheet = headed_sheet();
    for (const auto& [column, value] : cells) put(sheet, plan_first_data_row, column, value);
    return sheet;
}

PlanImportLimits limits() {
    return {{12, 13}, std::string("2026-10-01")};
}

TEST(ActionPlanImport, ReadsEveryColumnOfARow) {
    auto sheet = sheet_with_row({{PlanColumn::id, "12"},
                                 {PlanColumn::area, "技術的対策"},
                                 {PlanColumn::situation, "'=パスワードが使い回されている"},
                                 {PlanColumn::action, "パスワード管理ツールを導入する"},
                                 {PlanColumn::business_linked, "✔"},
                                 {PlanColumn::urgency, "高"},
                                 {PlanColumn::importance, "中"},
                                 {PlanColumn::difficulty, "易"},
                                 {PlanColumn::feasibility, "可"},
                                 {PlanColumn::deadline, "2027/3/31"},
                                 {PlanColumn::concerns, "費用"},
                                 {PlanColumn::owner, "　総務 山田　"},
                                 {PlanColumn::progress, "実施中"},
                                 {PlanColumn::sources, "自社診断 No.3"}});
    auto out = read_plan_rows(sheet, plan_form(), limits());
    ASSERT_TRUE(out.errors.empty()) << out.errors[0].column << out.errors[0].message;
    ASSERT_EQ(out.measures.size(), 1u);
    const auto& m = out.measures[0];
    EXPECT_EQ(m.id, 12);
    EXPECT_EQ(m.position, 1);
    EXPECT_EQ(m.area_key, "technical");
    EXPECT_EQ(m.situation, "=パスワードが使い回されている");  // the guard quote comes off
    EXPECT_TRUE(m.business_linked);
    EXPECT_EQ(m.urgency, shido::core::diagnosis::Level::high);
    EXPECT_EQ(m.importance, shido::core::diagnosis::Level::medium);
    EXPECT_EQ(m.difficulty, shido::core::diagnosis::Difficulty::easy);
    EXPECT_EQ(m.feasibility, Feasibility::feasible);
    EXPECT_EQ(m.deadline, "2027-03-31");
    EXPECT_EQ(m.owner, "総務 山田");
    EXPECT_EQ(m.progress, Progress::in_progress);
    EXPECT_TRUE(m.sources.empty());  // never read from the file
}

TEST(ActionPlanImport, ARowAddedInExcelHasNoIdAndEmptyRowsAreSkipped) {
    auto sheet = sheet_with_row({{PlanColumn::area, "人的対策"}, {PlanColumn::action, "研修"}});
    put(sheet, plan_first_data_row + 1, PlanColumn::sources, "参照のみの列");
    put(sheet, plan_first_data_row + 2, PlanColumn::area, "物理的対策");
    put(sheet, plan_first_data_row + 2, PlanColumn::urgency, "低");
    auto out = read_plan_rows(sheet, plan_form(), limits());
    ASSERT_TRUE(out.errors.empty()) << out.errors[0].message;
    ASSERT_EQ(out.measures.size(), 2u);
    EXPECT_EQ(out.measures[0].id, 0);
    EXPECT_EQ(out.measures[1].area_key, "physical");
    EXPECT_EQ(out.measures[1].position, 2);
    EXPECT_EQ(out.measures[1].progress, Progress::not_started);
}

TEST(ActionPlanImport, EveryBadCellIsReportedByRowAndColumnAndNothingIsReturned) {
    auto sheet = sheet_with_row({{PlanColumn::id, "99"},
                                 {PlanColumn::area, "経営的対策"},
                                 {PlanColumn::urgency, "特高"},
                                 {PlanColumn::business_linked, "はい"},
                                 {PlanColumn::deadline, "2026-09-30"},
                                 {PlanColumn::progress, "終わった"}});
    put(sheet, plan_first_data_row, PlanColumn::concerns, "SUM(A1)", CellKind::formula);
    auto out = read_plan_rows(sheet, plan_form(), limits());
    EXPECT_TRUE(out.measures.empty());
    std::map<std::string, std::string> by_column;
    for (const auto& e : out.errors) {
        EXPECT_EQ(e.row, plan_first_data_row);
        by_column[e.column] = e.message;
    }
    EXPECT_NE(by_column["A"].find("管理番号「99」"), std::string::npos);
    EXPECT_NE(by_column["B"].find("改善分野「経営的対策」は選択肢にありません"), std::string::npos);
    EXPECT_NE(by_column["F"].find("緊急度「特高」は選択肢にありません。「高」「中」「低」"),
              std::string::npos);
    EXPECT_NE(by_column["E"].find("「✔」か空欄"), std::string::npos);
    EXPECT_NE(by_column["J"].find("指導の開始日（2026-10-01）より前"), std::string::npos);
    EXPECT_NE(by_column["M"].find("進捗「終わった」"), std::string::npos);
    EXPECT_NE(by_column["K"].find("数式"), std::string::npos);
}

TEST(ActionPlanImport, AnIdTwiceIsAnError) {
    auto sheet = sheet_with_row({{PlanColumn::id, "12"}, {PlanColumn::area, "組織的対策"}});
    put(sheet, plan_first_data_row + 1, PlanColumn::id, "１２");
    put(sheet, plan_first_data_row + 1, PlanColumn::area, "組織的対策");
    auto out = read_plan_rows(sheet, plan_form(), limits());
    ASSERT_EQ(out.errors.size(), 1u);
    EXPECT_EQ(out.errors[0].row, plan_first_data_row + 1);
    EXPECT_NE(out.errors[0].message.find("2回"), std::string::npos);
}

TEST(ActionPlanImport, AnotherWorkbookIsRefusedByItsHeaders) {
    SheetCells sheet;
    put(sheet, plan_header_row, PlanColumn::id, "No.");
    put(sheet, plan_first_data_row, PlanColumn::area, "組織的対策");
    auto out = read_plan_rows(sheet, plan_form(), limits());
    EXPECT_TRUE(out.measures.empty());
    ASSERT_FALSE(out.errors.empty());
    EXPECT_NE(out.errors[0].message.find("様式3"), std::string::npos);
}

TEST(ActionPlanImport, ASerialDateAndAnExcelBooleanAreRead) {
    auto sheet = sheet_with_row({{PlanColumn::area, "組織的対策"}});
    put(sheet, plan_first_data_row, PlanColumn::deadline, "46477", CellKind::number);
    put(sheet, plan_first_data_row, PlanColumn::business_linked, "1", CellKind::boolean);
    auto out = read_plan_rows(sheet, plan_form(), limits());
    ASSERT_TRUE(out.errors.empty()) << out.errors[0].message;
    EXPECT_EQ(out.measures[0].deadline, "2027-03-31");
    EXPECT_TRUE(out.measures[0].business_linked);
}

TEST(ActionPlanSheet, RowsAreListedByAreaThenPosition) {
    std::vector<Measure> measures(3);
    measures[0].area_key = "physical";
    measures[0].position = 1;
    measures[1].area_key = "organisational";
    measures[1].position = 3;
    measures[2].area_key = "organisational";
    measures[2].position = 2;
    auto sorted = in_sheet_order(measures, plan_form());
    EXPECT_EQ(sorted[0].position, 2);
    EXPECT_EQ(sorted[1].position, 3);
    EXPECT_EQ(sorted[2].area_key, "physical");
}

}  // namespace
