#include "exports/rules/rules_xlsx.hpp"

#include <stdexcept>
#include <vector>

#include "core/rules/rules_import.hpp"
#include "exports/xlsx_sheet.hpp"

namespace shido::exports {

namespace {

using core::rules::RulesColumn;

lxw_col_t rules_col(RulesColumn column) {
    return static_cast<lxw_col_t>(static_cast<int>(column) - 1);
}

void write_rules_heading(xlsx::Cells& cells, const xlsx::Formats& f,
                         const core::rules::RulesDocument& d) {
    const lxw_col_t last = core::rules::rules_column_count - 1;
    cells.merged(0, 0, last, d.title, f.title);
    cells.height(0, 24);
    cells.merged(1, 0, last, d.company_name + "　作成日 " + d.generated_on, f.subtitle);
    cells.merged(2, 0, last, d.edition_title, f.note);
    cells.merged(3, 0, last, d.choice_note + "　" + d.upkeep_note, f.note);
    const auto header = static_cast<lxw_row_t>(core::rules::rules_header_row - 1);
    for (lxw_col_t col = 0; col <= last; ++col)
        cells.text(header, col, d.headers.at(col), f.header);
    cells.height(header, 32);
}

void write_rules_rows(xlsx::Cells& cells, const xlsx::Formats& f,
                      const core::rules::RulesDocument& d) {
    auto row = static_cast<lxw_row_t>(core::rules::rules_header_row);
    for (const auto& r : d.rows) {
        // The number is text, like every cell the import reads: the file never holds a value
        // that only a formula or a number format makes readable.
        cells.text(row, rules_col(RulesColumn::no), std::to_string(r.no), f.centre);
        cells.text(row, rules_col(RulesColumn::category), r.category, f.wrap);
        cells.text(row, rules_col(RulesColumn::outline), r.outline, f.wrap);
        cells.text(row, rules_col(RulesColumn::result), r.result, f.wrap);
        cells.text(row, rules_col(RulesColumn::content), r.content, f.wrap);
        cells.text(row, rules_col(RulesColumn::assignee), r.assignee, f.wrap);
        cells.text(row, rules_col(RulesColumn::due_date), r.due_date, f.centre);
        cells.text(row, rules_col(RulesColumn::upkeep), r.upkeep, f.wrap);
        cells.height(row, 60);
        ++row;
    }
}

void add_rules_choices(xlsx::Cells& cells, const core::rules::RulesDocument& d) {
    if (d.rows.empty()) return;
    std::vector<const char*> values;
    for (const auto& label : d.result_labels) values.push_back(label.c_str());
    values.push_back(nullptr);
    auto first = static_cast<lxw_row_t>(core::rules::rules_header_row);
    xlsx::add_list_validation(cells.sheet(), first,
                              first + static_cast<lxw_row_t>(d.rows.size()) - 1,
                              rules_col(RulesColumn::result), values.data(), d.choice_note.c_str());
}

}  // namespace

std::string write_rules_xlsx(const core::rules::RulesDocument& d) {
    std::string dir = xlsx::temp_dir();
    xlsx::TempFile file(dir);
    lxw_workbook_options options{};
    options.tmpdir = dir.data();
    xlsx::WorkbookPtr workbook(workbook_new_opt(file.path(), &options));
    if (!workbook) throw std::runtime_error("xlsx: cannot create the workbook");

    lxw_doc_properties properties{};
    properties.title = const_cast<char*>(d.title.c_str());
    properties.author = const_cast<char*>("shido");
    xlsx::check(workbook_set_properties(workbook.get(), &properties), "set_properties");

    const xlsx::Formats formats(workbook.get());
    xlsx::Cells cells(xlsx::add_sheet(workbook.get(), d.sheet_name.c_str()));
    cells.width(rules_col(RulesColumn::no), rules_col(RulesColumn::no), 5);
    cells.width(rules_col(RulesColumn::category), rules_col(RulesColumn::category), 22);
    cells.width(rules_col(RulesColumn::outline), rules_col(RulesColumn::outline), 40);
    cells.width(rules_col(RulesColumn::result), rules_col(RulesColumn::result), 30);
    cells.width(rules_col(RulesColumn::content), rules_col(RulesColumn::content), 30);
    cells.width(rules_col(RulesColumn::assignee), rules_col(RulesColumn::assignee), 12);
    cells.width(rules_col(RulesColumn::due_date), rules_col(RulesColumn::due_date), 12);
    cells.width(rules_col(RulesColumn::upkeep), rules_col(RulesColumn::upkeep), 30);
    write_rules_heading(cells, formats, d);
    write_rules_rows(cells, formats, d);
    add_rules_choices(cells, d);
    worksheet_freeze_panes(cells.sheet(), core::rules::rules_header_row, 0);
    xlsx::print_setup(cells.sheet(), true, core::rules::rules_header_row);

    xlsx::check(workbook_close(workbook.release()), "close");
    return file.read_all();
}

}  // namespace shido::exports
