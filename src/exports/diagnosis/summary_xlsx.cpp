#include "exports/diagnosis/summary_xlsx.hpp"

#include <stdexcept>

#include "exports/cell_text.hpp"
#include "exports/diagnosis/report_text.hpp"
#include "exports/xlsx_sheet.hpp"

namespace shido::exports {

namespace {

namespace dx = core::diagnosis;

using xlsx::add_list_validation;
using xlsx::add_sheet;
using xlsx::Cells;
using xlsx::check;
using xlsx::check_mark;
using xlsx::Formats;
using xlsx::print_setup;

std::string band_label(const dx::Band* band) {
    return band ? band->label : std::string();
}

// ---- サマリー ------------------------------------------------------------------------------

// The サマリー sheet's column layout: the respondent table is the widest part.
struct SummaryLayout {
    lxw_col_t parts;
    lxw_col_t last_col;
};

// One group's row of the role table, which the radar chart reads its series from.
struct SeriesRow {
    lxw_row_t row;
    Rgb colour;
};

// Title, the round's facts, and the overall result with its band. Returns the next free row.
lxw_row_t write_overview(Cells& cells, const Formats& f, const dx::DiagnosisReport& report,
                         const dx::Instrument& instrument, const SummaryLayout& layout) {
    const auto& analysis = report.analysis;
    cells.width(0, 0, 14);
    cells.width(1, layout.last_col, 13);
    cells.merged(0, 0, layout.last_col, summary_title, f.title);
    cells.height(0, 24);
    cells.merged(1, 0, layout.last_col, instrument.title + "（" + instrument.edition + "）",
                 f.subtitle);

    // No band without answers: a mean of 0 over nobody is not a result.
    const dx::Band* band =
        analysis.all.respondents > 0 ? band_of_mean(instrument, analysis.all.total_mean) : nullptr;
    lxw_row_t row = 3;
    auto info = [&](std::string_view label, std::string_view value) {
        cells.text(row, 0, label, f.label);
        cells.merged(row, 1, 5, value, f.text);
        ++row;
    };
    info("企業名", report.company_name);
    info("業種", report.industry);
    info("担当専門家", report.expert_name);
    info("診断の回", report.round_name);
    info("作成日", date_ja(report.generated_on));
    cells.text(row, 0, "回答者数", f.label);
    cells.number(row, 1, analysis.all.respondents, f.integer);
    cells.text(row, 2, "人", f.text);
    ++row;
    cells.text(row, 0, "平均点", f.label);
    cells.number(row, 1, analysis.all.total_mean, f.points);
    cells.text(row, 2, "点（" + std::to_string(instrument.max_total()) + "点満点）", f.text);
    ++row;
    info("判定", band_label(band));
    cells.text(row, 0, "判定の意味", f.label);
    cells.merged(row, 1, layout.last_col, band ? band->meaning : std::string(), f.wrap);
    cells.height(row, 45);
    return row + 2;
}

// Per role and overall: respondents, mean, part percentages, band. Returns the series rows.
std::vector<SeriesRow> write_role_table(Cells& cells, const Formats& f, lxw_row_t& row,
                                        const dx::DiagnosisReport& report,
                                        const dx::Instrument& instrument,
                                        const SummaryLayout& layout) {
    const auto parts = layout.parts;
    cells.text(row++, 0, "回答者区分別の結果", f.section);
    cells.merged(row++, 0, layout.last_col,
                 "分野の値は実施率（%）: その分野の平均点を満点で割った割合です。", f.note);
    cells.text(row, 0, "区分", f.header);
    cells.text(row, 1, "回答者数", f.header);
    cells.text(row, 2, "平均点", f.header);
    for (lxw_col_t p = 0; p < parts; ++p)
        cells.text(row, 3 + p, instrument.parts[p].title, f.header);
    cells.text(row, 3 + parts, "判定", f.header);
    ++row;
    std::vector<SeriesRow> series_rows;
    auto group_row = [&](std::string_view label, const dx::GroupPartMeans& group, Rgb rgb) {
        cells.text(row, 0, label, f.text);
        cells.number(row, 1, group.respondents, f.integer);
        cells.number(row, 2, group.total_mean, f.points);
        for (lxw_col_t p = 0; p < parts; ++p) {
            if (p < group.part_percent.size())
                cells.number(row, 3 + p, group.part_percent[p], f.percent);
            else
                cells.blank(row, 3 + p, f.percent);
        }
        cells.text(row, 3 + parts,
                   band_label(group.respondents > 0 ? band_of_mean(instrument, group.total_mean)
                                                    : nullptr),
                   f.text);
        series_rows.push_back({row, rgb});
        ++row;
    };
    for (dx::RespondentRole role : roles_answered(report.analysis))
        group_row(dx::label_ja(role), report.analysis.by_role.at(role), role_colour(role));
    group_row(overall_label, report.analysis.all, overall_colour());
    return series_rows;
}

// A native radar chart of the part percentages: one series per role, the overall one dashed.
void add_radar_chart(lxw_workbook* workbook, Cells& cells, lxw_row_t header_row,
                     const std::vector<SeriesRow>& series_rows, const SummaryLayout& layout) {
    lxw_chart* chart = workbook_add_chart(workbook, LXW_CHART_RADAR);
    if (chart == nullptr) throw std::runtime_error("xlsx: add_chart failed");
    const char* sheet_name = cells.sheet()->name;
    for (const auto& [series_row, rgb] : series_rows) {
        lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
        if (series == nullptr) throw std::runtime_error("xlsx: add_series failed");
        chart_series_set_categories(series, sheet_name, header_row, 3, header_row,
                                    2 + layout.parts);
        chart_series_set_values(series, sheet_name, series_row, 3, series_row, 2 + layout.parts);
        chart_series_set_name_range(series, sheet_name, series_row, 0);
        lxw_chart_line line{};
        line.color = rgb.hex();
        line.width = 2.25f;
        if (series_row == series_rows.back().row) line.dash_type = LXW_CHART_LINE_DASH_DASH;
        chart_series_set_line(series, &line);
    }
    chart_title_set_name(chart, "分野別の実施率（%）");
    chart_axis_set_min(chart->y_axis, 0);
    chart_axis_set_max(chart->y_axis, 100);
    chart_axis_set_major_unit(chart->y_axis, 25);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options placement{};
    placement.x_offset = 10;
    placement.y_offset = 0;
    placement.x_scale = 1.1;
    placement.y_scale = 1.4;
    check(worksheet_insert_chart_opt(cells.sheet(), 3, layout.last_col + 2, chart, &placement),
          "insert_chart");
}

// One row per respondent: role, name, department, total, band, part points, わからない.
void write_respondent_table(Cells& cells, const Formats& f, lxw_row_t row,
                            const dx::DiagnosisReport& report, const dx::Instrument& instrument,
                            const SummaryLayout& layout) {
    const auto parts = layout.parts;
    cells.text(row++, 0, "回答者別の結果", f.section);
    const lxw_row_t people_header = row;
    cells.text(row, 0, "No", f.header);
    cells.text(row, 1, "区分", f.header);
    cells.text(row, 2, "氏名", f.header);
    cells.text(row, 3, "部署", f.header);
    cells.text(row, 4, "合計点", f.header);
    cells.text(row, 5, "判定", f.header);
    for (lxw_col_t p = 0; p < parts; ++p) {
        const auto& part = instrument.parts[p];
        const int max = instrument.best_points() * static_cast<int>(part.item_nos.size());
        cells.text(row, 6 + p, part.title + "\n（" + std::to_string(max) + "点）", f.header);
    }
    cells.text(row, 6 + parts, "わからない", f.header);
    cells.text(row, 7 + parts, "回答数", f.header);
    cells.height(people_header, 30);
    ++row;
    int no = 1;
    for (const auto& person : report.analysis.respondents) {
        cells.number(row, 0, no++, f.integer);
        cells.text(row, 1, dx::label_ja(person.role), f.text);
        cells.text(row, 2, person.name.empty() ? anonymous_label : person.name, f.wrap);
        cells.text(row, 3, person.department, f.wrap);
        cells.number(row, 4, person.score.total, f.integer);
        cells.text(row, 5, band_label(band_by_key(instrument, person.score.band_key)), f.text);
        for (lxw_col_t p = 0; p < parts; ++p) {
            if (p < person.score.parts.size())
                cells.number(row, 6 + p, person.score.parts[p].points, f.integer);
            else
                cells.blank(row, 6 + p, f.integer);
        }
        cells.number(row, 6 + parts, person.score.unknown_count, f.integer);
        cells.number(row, 7 + parts, person.score.answered, f.integer);
        ++row;
    }
}

void write_summary_sheet(lxw_workbook* workbook, Cells& cells, const Formats& f,
                         const dx::DiagnosisReport& report, const dx::Instrument& instrument) {
    const auto parts = static_cast<lxw_col_t>(instrument.parts.size());
    const SummaryLayout layout{parts, static_cast<lxw_col_t>(7 + parts)};
    lxw_row_t row = write_overview(cells, f, report, instrument, layout);
    const lxw_row_t role_header = row + 2;  // after the section title and its note
    auto series_rows = write_role_table(cells, f, row, report, instrument, layout);
    add_radar_chart(workbook, cells, role_header, series_rows, layout);
    write_respondent_table(cells, f, row + 1, report, instrument, layout);
    worksheet_freeze_panes(cells.sheet(), 1, 0);
    print_setup(cells.sheet(), true, 0);
}

// ---- 項目別 --------------------------------------------------------------------------------

void write_items_sheet(Cells& cells, const Formats& f, const dx::DiagnosisReport& report,
                       const dx::Instrument& instrument) {
    const auto choices = static_cast<lxw_col_t>(instrument.choices.size());
    constexpr lxw_col_t first_role_col = 5;
    constexpr lxw_col_t first_choice_col = 8;
    const lxw_col_t gap_col = first_choice_col + choices;
    const lxw_col_t flag_col = gap_col + 1;
    const lxw_col_t reason_col = gap_col + 2;

    cells.width(0, 0, 5);
    cells.width(1, 1, 14);
    cells.width(2, 2, 34);
    cells.width(3, flag_col, 9);
    cells.width(reason_col, reason_col, 26);

    cells.text(0, 0, "No", f.header);
    cells.text(0, 1, "分野", f.header);
    cells.text(0, 2, "項目", f.header);
    cells.text(0, 3, "回答数", f.header);
    cells.text(0, 4, "平均点\n（全体）", f.header);
    for (lxw_col_t r = 0; r < 3; ++r)
        cells.text(0, first_role_col + r,
                   "平均点\n（" + std::string(dx::label_ja(dx::all_respondent_roles[r])) + "）",
                   f.header);
    for (lxw_col_t c = 0; c < choices; ++c)
        cells.text(0, first_choice_col + c, instrument.choices[c].label, f.header);
    cells.text(0, gap_col, "区分間の差", f.header);
    cells.text(0, flag_col, "掘り下げ", f.header);
    cells.text(0, reason_col, "掘り下げの理由", f.header);
    cells.height(0, 45);

    lxw_row_t row = 1;
    for (const auto& item : instrument.items) {
        const dx::ItemAnalysis* stats = item_analysis(report.analysis, item.no);
        cells.number(row, 0, item.no, f.integer);
        cells.text(row, 1, part_title_of_item(instrument, item.no), f.wrap);
        cells.text(row, 2, item.topic, f.wrap);
        if (stats == nullptr) {
            for (lxw_col_t c = 3; c <= reason_col; ++c) cells.blank(row, c, f.text);
            ++row;
            continue;
        }
        cells.number(row, 3, stats->all.respondents, f.integer);
        if (stats->all.respondents > 0)
            cells.number(row, 4, stats->all.mean_points, f.points);
        else
            cells.blank(row, 4, f.points);
        for (lxw_col_t r = 0; r < 3; ++r) {
            auto it = stats->by_role.find(dx::all_respondent_roles[r]);
            if (it != stats->by_role.end() && it->second.respondents > 0)
                cells.number(row, first_role_col + r, it->second.mean_points, f.points);
            else
                cells.blank(row, first_role_col + r, f.points);
        }
        for (lxw_col_t c = 0; c < choices; ++c) {
            auto it = stats->all.counts.find(instrument.choices[c].key);
            cells.number(row, first_choice_col + c, it == stats->all.counts.end() ? 0 : it->second,
                         f.integer);
        }
        cells.number(row, gap_col, stats->role_gap,
                     stats->role_gap >= dx::role_gap_threshold ? f.alert : f.points);
        cells.text(row, flag_col, stats->needs_drill_down ? check_mark : "", f.centre);
        cells.text(row, reason_col,
                   stats->needs_drill_down ? drill_down_reason(instrument, *stats) : "", f.wrap);
        ++row;
    }
    const lxw_row_t last_row = row - 1;

    if (last_row >= 1) {
        // Red (worst answer) to yellow to green (best answer) on the mean points.
        lxw_conditional_format scale{};
        scale.type = LXW_CONDITIONAL_3_COLOR_SCALE;
        scale.min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
        scale.min_value = instrument.worst_points();
        scale.min_color = 0xF8696B;
        scale.mid_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
        scale.mid_value = (instrument.worst_points() + instrument.best_points()) / 2.0;
        scale.mid_color = 0xFFEB84;
        scale.max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
        scale.max_value = instrument.best_points();
        scale.max_color = 0x63BE7B;
        check(worksheet_conditional_format_range(cells.sheet(), 1, 4, last_row, first_role_col + 2,
                                                 &scale),
              "conditional_format");
        check(worksheet_autofilter(cells.sheet(), 0, 0, last_row, reason_col), "autofilter");
    }
    worksheet_freeze_panes(cells.sheet(), 1, 3);
    print_setup(cells.sheet(), true, 1);
}

// ---- 課題整理 ------------------------------------------------------------------------------

void write_findings_sheet(Cells& cells, const Formats& f, const dx::DiagnosisReport& report,
                          const dx::Instrument& instrument) {
    cells.width(0, 1, 6);
    cells.width(2, 2, 24);
    cells.width(3, 3, 44);
    cells.width(4, 7, 8);
    cells.width(8, 8, 44);
    const char* headers[] = {"順位",   "No",     "項目", "課題",        "緊急度",
                             "重要度", "難易度", "重点", "掘り下げメモ"};
    for (lxw_col_t c = 0; c < 9; ++c) cells.text(0, c, headers[c], f.header);
    cells.height(0, 30);

    lxw_row_t row = 1;
    int rank = 1;
    for (const auto& finding : report.priorities) {
        const dx::Item* item = instrument.item(finding.item_no);
        cells.number(row, 0, rank++, f.integer);
        cells.number(row, 1, finding.item_no, f.integer);
        cells.text(row, 2, item ? item->topic : std::string(), f.wrap);
        cells.text(row, 3, finding.finding, f.wrap);
        cells.text(row, 4, label_or_empty(finding.urgency), f.centre);
        cells.text(row, 5, label_or_empty(finding.importance), f.centre);
        cells.text(row, 6, label_or_empty(finding.difficulty), f.centre);
        cells.text(row, 7, finding.key_area ? check_mark : "", f.centre);
        cells.text(row, 8, finding.notes, f.wrap);
        ++row;
    }
    if (report.priorities.empty())
        cells.merged(row, 0, 8, "登録された課題はまだありません。", f.note);

    // Drop-down lists on the ratings, also on spare rows for findings added in the file.
    static const char* const levels[] = {"高", "中", "低", nullptr};
    static const char* const difficulties[] = {"易", "中", "難", nullptr};
    static const char* const marks[] = {check_mark, nullptr};
    const lxw_row_t last = static_cast<lxw_row_t>(report.priorities.size() + 50);
    add_list_validation(cells.sheet(), 1, last, 4, levels, "高・中・低から選んでください。");
    add_list_validation(cells.sheet(), 1, last, 5, levels, "高・中・低から選んでください。");
    add_list_validation(cells.sheet(), 1, last, 6, difficulties, "易・中・難から選んでください。");
    add_list_validation(cells.sheet(), 1, last, 7, marks, "重点改善領域なら ✔ を選んでください。");
    worksheet_freeze_panes(cells.sheet(), 1, 0);
    print_setup(cells.sheet(), true, 1);
}

}  // namespace

std::string write_summary_xlsx(const dx::DiagnosisReport& report) {
    const dx::Instrument& instrument = instrument_of(report);
    std::string dir = xlsx::temp_dir();
    xlsx::TempFile file(dir);
    lxw_workbook_options options{};
    options.tmpdir = dir.data();  // its own temporary files go to the same place
    xlsx::WorkbookPtr workbook(workbook_new_opt(file.path(), &options));
    if (!workbook) throw std::runtime_error("xlsx: cannot create the workbook");

    const std::string title = std::string(summary_title) + " " + valid_utf8(report.company_name);
    lxw_doc_properties properties{};
    properties.title = const_cast<char*>(title.c_str());
    properties.author = const_cast<char*>("shido");
    check(workbook_set_properties(workbook.get(), &properties), "set_properties");

    const Formats formats(workbook.get());
    Cells summary(add_sheet(workbook.get(), "サマリー"));
    Cells items(add_sheet(workbook.get(), "項目別"));
    Cells findings(add_sheet(workbook.get(), "課題整理"));
    write_summary_sheet(workbook.get(), summary, formats, report, instrument);
    write_items_sheet(items, formats, report, instrument);
    write_findings_sheet(findings, formats, report, instrument);

    check(workbook_close(workbook.release()), "close");  // frees the workbook in every case
    return file.read_all();
}

}  // namespace shido::exports
