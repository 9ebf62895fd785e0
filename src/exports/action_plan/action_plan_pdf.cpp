#include <map>
#include <vector>

#include "exports/action_plan/action_plan_exports.hpp"
#include "exports/pdf_layout.hpp"

namespace shido::exports {

namespace {

using core::action_plan::PlanColumn;
using core::action_plan::PlanDocument;
using pdf::Align;
using pdf::Document;

constexpr pdf::TextStyle plan_note_style{.size = 8.5, .colour = {0.35, 0.35, 0.35}};

// The PDF's columns and their share of the width; 改善分野 is each table's heading and the
// sources column stays in the workbook.
struct PlanPdfColumn {
    PlanColumn column;
    double share;
    Align align;
};

constexpr PlanPdfColumn plan_pdf_columns[] = {{PlanColumn::id, 0.05, Align::centre},
                                              {PlanColumn::situation, 0.19, Align::left},
                                              {PlanColumn::action, 0.19, Align::left},
                                              {PlanColumn::business_linked, 0.05, Align::centre},
                                              {PlanColumn::urgency, 0.05, Align::centre},
                                              {PlanColumn::importance, 0.05, Align::centre},
                                              {PlanColumn::difficulty, 0.05, Align::centre},
                                              {PlanColumn::feasibility, 0.05, Align::centre},
                                              {PlanColumn::deadline, 0.08, Align::centre},
                                              {PlanColumn::concerns, 0.13, Align::left},
                                              {PlanColumn::owner, 0.06, Align::left},
                                              {PlanColumn::progress, 0.05, Align::centre}};

std::size_t plan_pdf_cell(PlanColumn column) {
    return static_cast<std::size_t>(static_cast<int>(column) - 1);
}

std::vector<pdf::Column> plan_pdf_table_columns(const PlanDocument& d, double width) {
    std::vector<pdf::Column> columns;
    for (const auto& c : plan_pdf_columns) {
        std::string title = d.form.headers.at(plan_pdf_cell(c.column));
        if (c.column == PlanColumn::feasibility || c.column == PlanColumn::deadline)
            title = d.form.narrowing_header + "\n" + title;
        columns.push_back({title, width * c.share, c.align});
    }
    return columns;
}

std::vector<std::string> plan_pdf_row(const core::action_plan::PlanDocumentRow& r) {
    std::vector<std::string> cells;
    for (const auto& c : plan_pdf_columns) {
        std::string text = r.cells.at(plan_pdf_cell(c.column));
        if (c.column == PlanColumn::deadline && r.far_deadline) text += " ※";
        cells.push_back(text);
    }
    return cells;
}

void plan_pdf_heading(Document& doc, const PlanDocument& d) {
    doc.paragraph(d.title, {.size = 16, .colour = {0.12, 0.31, 0.47}, .align = Align::centre}, 0,
                  2);
    doc.paragraph(d.company_name + "　作成日 " + d.generated_on + "　" + d.version_line,
                  {.size = 9.5, .colour = {0.4, 0.4, 0.4}, .align = Align::centre}, 0, 10);
}

void plan_pdf_areas(Document& doc, const PlanDocument& d) {
    const auto area_cell = plan_pdf_cell(PlanColumn::area);
    const auto columns = plan_pdf_table_columns(d, doc.content_width());
    std::vector<std::string> order;
    std::map<std::string, std::vector<std::vector<std::string>>> rows_by_area;
    for (const auto& r : d.rows) {
        const auto& area = r.cells.at(area_cell);
        if (!rows_by_area.count(area)) order.push_back(area);
        rows_by_area[area].push_back(plan_pdf_row(r));
    }
    pdf::TableStyle style;
    style.font_size = 8;
    style.padding = 3;
    if (order.empty()) doc.paragraph("対策はまだありません。", {.size = 10}, 0, 8);
    for (const auto& area : order) {
        doc.heading(area, 12, 60);
        pdf::table(doc, columns, rows_by_area[area], style);
        doc.advance(8);
    }
}

void plan_pdf_instructions(Document& doc, const PlanDocument& d) {
    doc.paragraph(d.far_deadline_note, plan_note_style, 0, 6);
    doc.heading(d.instructions_title, 10, 60);
    for (const auto& line : d.instructions) doc.paragraph(line, plan_note_style, 0, 2);
}

}  // namespace

std::string render_action_plan_pdf(const PlanDocument& d) {
    pdf::PageSetup setup;
    setup.width = pdf::a4_height;  // landscape: the form is wide
    setup.height = pdf::a4_width;
    setup.margin_top = setup.margin_bottom = 40;
    setup.margin_left = setup.margin_right = 36;
    setup.title = d.title + " " + d.company_name;
    setup.footer_left = d.company_name + "　" + d.title;
    return pdf::render(setup, [&](Document& doc) {
        plan_pdf_heading(doc, d);
        plan_pdf_areas(doc, d);
        plan_pdf_instructions(doc, d);
    });
}

}  // namespace shido::exports
