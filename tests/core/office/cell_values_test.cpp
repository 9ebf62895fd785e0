#include "core/office/cell_values.hpp"

#include <gtest/gtest.h>

namespace {

using namespace shido::core::office;

TEST(OfficeCellValues, DateCells) {
    EXPECT_EQ(date_of_cell({1, 7, CellKind::number, "46477"}), "2027-03-31");
    EXPECT_FALSE(date_of_cell({1, 7, CellKind::number, "46477.5"}));
    EXPECT_FALSE(date_of_cell({1, 7, CellKind::number, "12"}));  // 1900
    EXPECT_EQ(date_of_cell({1, 7, CellKind::text, "２０２７－０３－３１"}), "2027-03-31");
    EXPECT_FALSE(date_of_cell({1, 7, CellKind::text, "2027-13-01"}));
    EXPECT_FALSE(date_of_cell({1, 7, CellKind::boolean, "1"}));
}

TEST(OfficeCellValues, ComparableTextFoldsWidthsAndSpaces) {
    EXPECT_EQ(comparable_text("既存のまま（ＡＢ１） "), comparable_text("既存のまま(AB1)"));
    EXPECT_NE(comparable_text("既存のまま"), comparable_text("既存のもの"));
    EXPECT_EQ(column_letter(1), "A");
    EXPECT_EQ(column_letter(27), "AA");
}

TEST(OfficeCellValues, GuardQuoteComesOffOnlyBeforeFormulaStarts) {
    EXPECT_EQ(unguarded_text("'=SUM(A1)"), "=SUM(A1)");
    EXPECT_EQ(unguarded_text("'＋1"), "＋1");
    EXPECT_EQ(unguarded_text("'quoted'"), "'quoted'");
}

}  // namespace
