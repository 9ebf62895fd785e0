#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/office/sheet_cells.hpp"
#include "core/rules/rules_check.hpp"

namespace shido::core::rules {

// Where the export puts things and the import looks for them (1-based, column 1 = A). The
// title, the company and the note sit above the header row; one category per row below it.
enum class RulesColumn { no = 1, category, outline, result, content, assignee, due_date, upkeep };
inline constexpr int rules_column_count = 8;
inline constexpr int rules_header_row = 5;

// What the import compares the file with: the headers written by the export, the categories
// and the labels of the four results (all from content).
struct ImportForm {
    std::string regulations_id;
    std::vector<std::string> headers;         // by column, rules_column_count of them
    std::vector<std::string> category_names;  // by number 1..N
    std::vector<std::string> result_labels;   // by index_of(ReviewResult)
};

struct ImportOutcome {
    std::vector<RulesRow> rows;               // one per category, by number, when no errors
    std::vector<DomainError::Detail> errors;  // row, column letter, message
};

// Every cell checked, every problem reported by row and column; rows only when there is none.
ImportOutcome read_rules_rows(const office::SheetCells& sheet, const ImportForm& form);

}  // namespace shido::core::rules
