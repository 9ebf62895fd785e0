// An uploaded workbook, as the 様式2 and 様式3 imports read it: the ZIP opened from memory
// (libzip), its XML parts read with expat, then the cells checked against the real forms from
// content/. Whatever the bytes, the only failure is a Japanese validation error; the cells that
// come out are valid UTF-8 and inside Excel's grid; the import's errors name a row and a column.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "content/library.hpp"
#include "core/action_plan/plan_sheet.hpp"
#include "core/error.hpp"
#include "core/rules/rules_import.hpp"
#include "core/text/utf8.hpp"
#include "exports/office/xlsx_reader.hpp"
#include "fuzz_check.hpp"

namespace {

const shido::core::rules::ImportForm& xlsx_fuzz_form() {
    static const auto form = [] {
        auto library = shido::content::load_library(SHIDO_CONTENT_DIR);
        const auto& r = library.regulations;
        const auto& c = r.form.columns;
        shido::core::rules::ImportForm f;
        f.regulations_id = r.id;
        f.headers = {c.no,      c.category, c.outline,  c.result,
                     c.content, c.assignee, c.due_date, c.upkeep};
        for (const auto& category : r.categories) f.category_names.push_back(category.name);
        for (const auto& result : r.review_results) f.result_labels.push_back(result.label);
        return f;
    }();
    return form;
}

const shido::core::action_plan::PlanSheetForm& xlsx_fuzz_plan_form() {
    static const auto form = [] {
        auto library = shido::content::load_library(SHIDO_CONTENT_DIR);
        return shido::content::sheet_form_of(library.current_action_plan());
    }();
    return form;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)xlsx_fuzz_form();
    (void)xlsx_fuzz_plan_form();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    shido::core::office::SheetCells cells;
    shido::exports::office::XlsxLimits limits;
    limits.max_entry_bytes = 256 * 1024;  // the fuzzer's inputs are small; so are its bombs
    limits.max_total_bytes = 1024 * 1024;
    try {
        cells = shido::exports::office::read_xlsx_cells(bytes, limits);
    } catch (const shido::core::DomainError& e) {
        FUZZ_CHECK(e.code() == shido::core::ErrorCode::validation);
        FUZZ_CHECK(shido::core::is_valid_utf8(e.what()));
        return 0;
    }
    FUZZ_CHECK(cells.cells.size() <= limits.max_cells);
    for (const auto& cell : cells.cells) {
        FUZZ_CHECK(cell.row >= 1 && cell.row <= 1048576);
        FUZZ_CHECK(cell.column >= 1 && cell.column <= 16384);
        FUZZ_CHECK(shido::core::is_valid_utf8(cell.value));
    }
    auto outcome = shido::core::rules::read_rules_rows(cells, xlsx_fuzz_form());
    FUZZ_CHECK(outcome.rows.empty() || outcome.errors.empty());
    for (const auto& error : outcome.errors) {
        FUZZ_CHECK(error.row >= 1 && !error.column.empty());
        FUZZ_CHECK(shido::core::is_valid_utf8(error.message));
    }
    auto plan = shido::core::action_plan::read_plan_rows(cells, xlsx_fuzz_plan_form(),
                                                         {{1, 2, 3}, std::string("2026-01-01")});
    FUZZ_CHECK(plan.measures.empty() || plan.errors.empty());
    FUZZ_CHECK(plan.measures.size() <= shido::core::action_plan::max_measures);
    for (const auto& error : plan.errors) {
        FUZZ_CHECK(error.row >= 1 && !error.column.empty());
        FUZZ_CHECK(shido::core::is_valid_utf8(error.message));
    }
    return 0;
}
