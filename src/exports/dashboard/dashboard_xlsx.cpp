#include "exports/dashboard/dashboard_xlsx.hpp"

#include <stdexcept>

#include "exports/cell_text.hpp"
#include "exports/xlsx_sheet.hpp"

namespace shido::exports {

namespace {

std::string progress_label(core::SessionProgress progress) {
    return std::string(core::label_in(core::session_progresses(), progress));
}

// 「予定 2026-12-03」: the session's state with the day it is planned for or was held on.
std::string session_text(const core::DashboardSession& s) {
    auto text = progress_label(s.progress);
    const auto& day = s.held_on ? s.held_on : s.planned_date;
    if (day) text += " " + *day;
    return text;
}

std::string submitted_text(const std::vector<core::documents::DocumentKind>& kinds) {
    std::string text;
    for (auto kind : kinds) {
        if (!text.empty()) text += "、";
        text += core::documents::label_of(kind);
    }
    return text;
}

void write_table(xlsx::Cells& cells, const xlsx::Formats& f, const core::DashboardExport& t) {
    const auto sessions = static_cast<lxw_col_t>(t.sessions);
    const lxw_col_t first_session = 6;
    const lxw_col_t next_col = first_session + sessions;
    const lxw_col_t last_col = next_col + 3;

    cells.merged(0, 0, last_col, dashboard_title, f.title);
    cells.height(0, 24);
    std::string facts = "作成日 " + t.generated_on + "　" + std::to_string(t.rows.size()) + "件";
    for (const auto& filter : t.filters) facts += "　" + filter;
    if (t.filters.empty()) facts += "　すべての指導案件";
    cells.merged(1, 0, last_col, facts, f.subtitle);

    const lxw_row_t header = 3;
    const char* fixed[] = {"企業名",     "業種",     "担当専門家",
                           "案件の状態", "現在の回", "現在の回の状況"};
    for (lxw_col_t col = 0; col < first_session; ++col)
        cells.text(header, col, fixed[col], f.header);
    for (lxw_col_t i = 0; i < sessions; ++i)
        cells.text(header, first_session + i, "第" + std::to_string(i + 1) + "回", f.header);
    cells.text(header, next_col, "次回予定日", f.header);
    cells.text(header, next_col + 1, "期限切れのタスク", f.header);
    cells.text(header, next_col + 2, "確認待ちの報告", f.header);
    cells.text(header, next_col + 3, "提出済の成果物", f.header);

    cells.width(0, 0, 30);
    cells.width(1, 1, 18);
    cells.width(2, 2, 16);
    cells.width(3, 5, 12);
    if (sessions > 0) cells.width(first_session, next_col - 1, 18);
    cells.width(next_col, next_col + 2, 14);
    cells.width(last_col, last_col, 40);

    lxw_row_t row = header + 1;
    for (const auto& r : t.rows) {
        cells.text(row, 0, r.company_name, f.text);
        cells.text(row, 1, r.industry, f.text);
        cells.text(row, 2, r.expert_name.value_or("未割当"), f.text);
        cells.text(row, 3, core::label_ja(r.status), f.text);
        if (r.current.no > 0)
            cells.text(row, 4, "第" + std::to_string(r.current.no) + "回", f.centre);
        else
            cells.blank(row, 4, f.text);
        cells.text(row, 5, progress_label(r.current.progress), f.text);
        for (lxw_col_t i = 0; i < sessions; ++i) {
            if (i < r.sessions.size())
                cells.text(row, first_session + i, session_text(r.sessions[i]), f.text);
            else
                cells.blank(row, first_session + i, f.text);
        }
        if (r.next_date)
            cells.text(row, next_col, *r.next_date, f.centre);
        else
            cells.blank(row, next_col, f.text);
        cells.number(row, next_col + 1, static_cast<double>(r.overdue_tasks), f.integer);
        cells.number(row, next_col + 2, static_cast<double>(r.reports_waiting), f.integer);
        cells.text(row, next_col + 3, submitted_text(r.submitted_documents), f.text);
        ++row;
    }
    worksheet_freeze_panes(cells.sheet(), header + 1, 1);
    if (!t.rows.empty())
        xlsx::check(worksheet_autofilter(cells.sheet(), header, 0, row - 1, last_col),
                    "autofilter");
    xlsx::print_setup(cells.sheet(), true, header + 1);
}

}  // namespace

std::string write_dashboard_xlsx(const core::DashboardExport& table) {
    std::string dir = xlsx::temp_dir();
    xlsx::TempFile file(dir);
    lxw_workbook_options options{};
    options.tmpdir = dir.data();
    xlsx::WorkbookPtr workbook(workbook_new_opt(file.path(), &options));
    if (!workbook) throw std::runtime_error("xlsx: cannot create the workbook");

    lxw_doc_properties properties{};
    properties.title = const_cast<char*>(dashboard_title);
    properties.author = const_cast<char*>("shido");
    xlsx::check(workbook_set_properties(workbook.get(), &properties), "set_properties");

    const xlsx::Formats formats(workbook.get());
    xlsx::Cells cells(xlsx::add_sheet(workbook.get(), dashboard_title));
    write_table(cells, formats, table);

    xlsx::check(workbook_close(workbook.release()), "close");
    return file.read_all();
}

}  // namespace shido::exports
