#include <stdexcept>
#include <vector>

#include "exports/action_plan/action_plan_exports.hpp"
#include "exports/xlsx_sheet.hpp"

namespace shido::exports {

namespace {

using core::action_plan::PlanColumn;
using core::action_plan::PlanDocument;

// Rows below the plan that still offer the drop-downs, for measures added in Excel.
constexpr lxw_row_t plan_spare_rows = 100;

lxw_col_t plan_col(PlanColumn column) {
    return static_cast<lxw_col_t>(static_cast<int>(column) - 1);
}

const std::string& plan_header_text(const PlanDocument& d, PlanColumn column) {
    return d.form.headers.at(plan_col(column));
}

void write_plan_heading(xlsx::Cells& cells, const xlsx::Formats& f, const PlanDocument& d) {
    const lxw_col_t last = core::action_plan::plan_column_count - 1;
    cells.merged(0, 0, last, d.title, f.title);
    cells.height(0, 24);
    cells.merged(1, 0, last, d.company_name + "　作成日 " + d.generated_on + "　" + d.version_line,
                 f.subtitle);
    cells.merged(2, 0, last, d.id_note, f.note);
    std::string instructions = d.instructions_title;
    for (const auto& line : d.instructions) instructions += "\n" + line;
    cells.merged(3, 0, last, instructions, f.note);
    cells.height(3, 15.0 * static_cast<double>(d.instructions.size() + 1) + 4);
    cells.merged(4, 0, last, d.far_deadline_note, f.note);
}

void write_plan_header(xlsx::Cells& cells, const xlsx::Formats& f, const PlanDocument& d) {
    const auto top = static_cast<lxw_row_t>(core::action_plan::plan_header_row - 1);
    const auto sub = static_cast<lxw_row_t>(core::action_plan::plan_subheader_row - 1);
    for (int c = 1; c <= core::action_plan::plan_column_count; ++c) {
        auto column = static_cast<PlanColumn>(c);
        if (column == PlanColumn::feasibility || column == PlanColumn::deadline) continue;
        cells.merged_block(top, plan_col(column), sub, plan_col(column),
                           plan_header_text(d, column), f.header);
    }
    cells.merged(top, plan_col(PlanColumn::feasibility), plan_col(PlanColumn::deadline),
                 d.form.narrowing_header, f.header);
    cells.text(sub, plan_col(PlanColumn::feasibility), plan_header_text(d, PlanColumn::feasibility),
               f.header);
    cells.text(sub, plan_col(PlanColumn::deadline), plan_header_text(d, PlanColumn::deadline),
               f.header);
    cells.height(top, 20);
    cells.height(sub, 20);
}

bool plan_wraps(PlanColumn column) {
    return column == PlanColumn::situation || column == PlanColumn::action ||
           column == PlanColumn::concerns || column == PlanColumn::sources;
}

void write_plan_rows(xlsx::Cells& cells, const xlsx::Formats& f, const PlanDocument& d) {
    auto row = static_cast<lxw_row_t>(core::action_plan::plan_first_data_row - 1);
    for (const auto& r : d.rows) {
        // Every cell is text, like every cell the import reads: nothing in the file needs a
        // formula or a number format to be read back.
        for (int c = 1; c <= core::action_plan::plan_column_count; ++c) {
            auto column = static_cast<PlanColumn>(c);
            lxw_format* format = plan_wraps(column) ? f.wrap : f.centre;
            if (column == PlanColumn::deadline && r.far_deadline) format = f.alert;
            cells.text(row, plan_col(column), r.cells.at(plan_col(column)), format);
        }
        cells.height(row, 48);
        ++row;
    }
}

void add_plan_list(xlsx::Cells& cells, const PlanDocument& d, PlanColumn column,
                   const std::vector<std::string>& labels) {
    std::vector<const char*> values;
    for (const auto& label : labels) values.push_back(label.c_str());
    values.push_back(nullptr);
    const std::string message = plan_header_text(d, column) + "は一覧から選んでください。";
    auto first = static_cast<lxw_row_t>(core::action_plan::plan_first_data_row - 1);
    auto last = first + static_cast<lxw_row_t>(d.rows.size()) + plan_spare_rows - 1;
    xlsx::add_list_validation(cells.sheet(), first, last, plan_col(column), values.data(),
                              message.c_str());
}

void add_plan_choices(xlsx::Cells& cells, const PlanDocument& d) {
    std::vector<std::string> areas;
    for (const auto& area : d.form.areas) areas.push_back(area.label);
    add_plan_list(cells, d, PlanColumn::area, areas);
    add_plan_list(cells, d, PlanColumn::business_linked, {d.form.check_mark});
    add_plan_list(cells, d, PlanColumn::urgency, core::action_plan::level_choices());
    add_plan_list(cells, d, PlanColumn::importance, core::action_plan::level_choices());
    add_plan_list(cells, d, PlanColumn::difficulty, core::action_plan::difficulty_choices());
    add_plan_list(cells, d, PlanColumn::feasibility,
                  {d.form.feasibility_labels.begin(), d.form.feasibility_labels.end()});
    add_plan_list(cells, d, PlanColumn::progress,
                  {d.form.progress_labels.begin(), d.form.progress_labels.end()});
}

void set_plan_widths(xlsx::Cells& cells) {
    const std::pair<PlanColumn, double> widths[] = {
        {PlanColumn::id, 8},         {PlanColumn::area, 13},           {PlanColumn::situation, 32},
        {PlanColumn::action, 32},    {PlanColumn::business_linked, 8}, {PlanColumn::urgency, 7},
        {PlanColumn::importance, 7}, {PlanColumn::difficulty, 7},      {PlanColumn::feasibility, 8},
        {PlanColumn::deadline, 12},  {PlanColumn::concerns, 26},       {PlanColumn::owner, 12},
        {PlanColumn::progress, 9},   {PlanColumn::sources, 26}};
    for (const auto& [column, chars] : widths)
        cells.width(plan_col(column), plan_col(column), chars);
}

}  // namespace

std::string write_action_plan_xlsx(const PlanDocument& d) {
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
    set_plan_widths(cells);
    write_plan_heading(cells, formats, d);
    write_plan_header(cells, formats, d);
    write_plan_rows(cells, formats, d);
    add_plan_choices(cells, d);
    worksheet_freeze_panes(cells.sheet(), core::action_plan::plan_first_data_row - 1, 0);
    xlsx::print_setup(cells.sheet(), true, core::action_plan::plan_subheader_row);

    xlsx::check(workbook_close(workbook.release()), "close");
    return file.read_all();
}

}  // namespace shido::exports
