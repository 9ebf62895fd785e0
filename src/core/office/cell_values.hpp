#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/office/sheet_cells.hpp"

namespace shido::core::office {

// How the imports of the forms (様式2, 様式3) read the values people typed into a workbook.

// Text compared as people mean it: full-width ASCII （）ＡＢ１ as half-width, the ideographic
// space as a space, spaces and line breaks ignored.
std::string comparable_text(std::string_view text);

// A date cell: an Excel serial day number (1900 date system) or YYYY-MM-DD / YYYY/MM/DD text.
std::optional<std::string> date_of_cell(const SheetCell& cell);

// The exports guard text a spreadsheet could take for a formula with a leading ' (see
// exports::neutralise_cell); reading the file back takes the guard off again, so a round trip
// keeps the text as it was written.
std::string unguarded_text(std::string text);

// The cells of a sheet by (row, column); a cell given twice keeps the first.
using SheetGrid = std::map<std::pair<int, int>, const SheetCell*>;
SheetGrid grid_of(const SheetCells& sheet);

// A cell's value, or nullptr: empty, or a formula or error value (never taken as a value).
const SheetCell* value_at(const SheetGrid& grid, int row, int column);

// One error per formula or error-value cell, at its row and column: a formula could show
// anything when the file is opened again, so an import refuses it rather than trust its result.
std::vector<DomainError::Detail> formula_errors(const SheetGrid& grid);

}  // namespace shido::core::office
