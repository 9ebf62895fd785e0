#pragma once
#include <string>
#include <vector>

namespace shido::core::office {

// One cell of a worksheet as a spreadsheet file holds it: where it is (1-based row and column,
// column 1 = A) and what it holds. A formula is kept as such, whatever value it last showed,
// so validation can refuse it instead of trusting a cached result.
enum class CellKind { text, number, boolean, formula, error };

struct SheetCell {
    int row = 0;
    int column = 0;
    CellKind kind = CellKind::text;
    std::string value;  // the text, the number as written in the file, or the formula
};

// The cells of the first worksheet of a workbook, in file order (not necessarily sorted).
struct SheetCells {
    std::vector<SheetCell> cells;
};

// "A", "B", … "AA": the column letter people see in Excel.
std::string column_letter(int column);

}  // namespace shido::core::office
