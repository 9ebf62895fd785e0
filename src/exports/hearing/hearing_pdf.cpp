#include "exports/diagnosis/report_text.hpp"
#include "exports/hearing/hearing_exports.hpp"
#include "exports/pdf_layout.hpp"

namespace shido::exports {

std::string render_hearing_pdf(const core::hearing::HearingDocument& d) {
    pdf::PageSetup setup;
    setup.title = d.title + " " + d.company_name;
    setup.footer_left = d.company_name + "　" + d.title;
    return pdf::render(setup, [&](pdf::Document& doc) {
        doc.paragraph(d.title,
                      {.size = 18,
                       .colour = {0.12, 0.31, 0.47},
                       .align = pdf::Align::centre,
                       .line_spacing = 1.2},
                      0, 6);
        std::string facts = "企業名：" + d.company_name + "　担当専門家：" +
                            (d.expert_name.empty() ? "未割当" : d.expert_name) + "　作成日：" +
                            date_ja(d.date);
        if (d.submitted_copy) facts += "（提出された版）";
        doc.paragraph(facts, {.size = 9.5, .colour = {0.35, 0.35, 0.35}}, 0, 10);
        const double w = doc.content_width();
        int section = 0;
        std::vector<std::vector<std::string>> rows;
        auto flush = [&]() {
            if (!rows.empty())
                pdf::table(doc,
                           {{d.item_header, w * 0.25},
                            {"事前準備メモ", w * 0.25},
                            {d.result_header, w * 0.40},
                            {"不明瞭", w * 0.10, pdf::Align::centre}},
                           rows);
            rows.clear();
            doc.advance(6);
        };
        for (const auto& r : d.rows) {
            if (r.section_no != section) {
                flush();
                section = r.section_no;
                doc.heading(std::to_string(r.section_no) + "　" + r.section_title, 11.5, 60);
            }
            rows.push_back(
                {r.key + " " + r.label, r.preparation, r.result, r.unclear ? "要確認" : ""});
        }
        flush();
    });
}

}  // namespace shido::exports
