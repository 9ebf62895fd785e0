#include <stdexcept>

#include "exports/hearing/hearing_exports.hpp"
#include "exports/xlsx_sheet.hpp"

namespace shido::exports {

namespace {

constexpr lxw_col_t hearing_last_col = 4;

void write_hearing_rows(xlsx::Cells& cells, const xlsx::Formats& f,
                        const core::hearing::HearingDocument& d) {
    cells.merged(0, 0, hearing_last_col, d.title, f.title);
    cells.height(0, 24);
    std::string facts = "企業名 " + d.company_name + "　担当専門家 " +
                        (d.expert_name.empty() ? "未割当" : d.expert_name) + "　作成日 " + d.date;
    if (d.submitted_copy) facts += "（提出された版）";
    cells.merged(1, 0, hearing_last_col, facts, f.subtitle);

    const lxw_row_t header = 3;
    cells.text(header, 0, "大項目", f.header);
    cells.text(header, 1, d.item_header, f.header);
    cells.text(header, 2, "事前準備メモ", f.header);
    cells.text(header, 3, d.result_header, f.header);
    cells.text(header, 4, "回答が不明瞭", f.header);
    cells.width(0, 0, 28);
    cells.width(1, 1, 36);
    cells.width(2, 2, 36);
    cells.width(3, 3, 60);
    cells.width(4, 4, 10);

    lxw_row_t row = header + 1;
    for (const auto& r : d.rows) {
        cells.text(row, 0, std::to_string(r.section_no) + " " + r.section_title, f.wrap);
        cells.text(row, 1, r.key + " " + r.label, f.wrap);
        cells.text(row, 2, r.preparation, f.wrap);
        cells.text(row, 3, r.result, f.wrap);
        if (r.unclear)
            cells.text(row, 4, xlsx::check_mark, f.centre);
        else
            cells.blank(row, 4, f.centre);
        ++row;
    }
    worksheet_freeze_panes(cells.sheet(), header + 1, 0);
    xlsx::print_setup(cells.sheet(), true, header + 1);
}

}  // namespace

std::string write_hearing_xlsx(const core::hearing::HearingDocument& d) {
    std::string dir = xlsx::temp_dir();
    xlsx::TempFile file(dir);
    lxw_workbook_options options{};
    options.tmpdir = dir.data();
    xlsx::WorkbookPtr workbook(workbook_new_opt(file.path(), &options));
    if (!workbook) throw std::runtime_error("xlsx: cannot create the workbook");

    lxw_doc_properties properties{};
    properties.title = const_cast<char*>(d.title.c_str());
    properties.company = const_cast<char*>(d.company_name.c_str());
    properties.author = const_cast<char*>("shido");
    xlsx::check(workbook_set_properties(workbook.get(), &properties), "set_properties");

    const xlsx::Formats formats(workbook.get());
    xlsx::Cells cells(xlsx::add_sheet(workbook.get(), "ヒアリングシート"));
    write_hearing_rows(cells, formats, d);

    xlsx::check(workbook_close(workbook.release()), "close");
    return file.read_all();
}

}  // namespace shido::exports
