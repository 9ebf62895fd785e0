#include "exports/final_report/final_report_pdf.hpp"

#include <cstdio>

#include "core/final_report/draft.hpp"
#include "exports/diagnosis/report_text.hpp"
#include "exports/pdf_layout.hpp"

namespace shido::exports {

namespace {

using pdf::Align;
using pdf::Document;
namespace fr = core::final_report;

constexpr pdf::TextStyle final_report_body{.size = 10};
constexpr pdf::TextStyle final_report_note{.size = 8.5, .colour = {0.35, 0.35, 0.35}};

std::string final_report_dash(const std::string& text) {
    return text.empty() ? "－" : text;
}

std::string final_report_points(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

// A moment as people in Japan read it: 2026-12-01 14:05.
std::string final_report_time(core::Timestamp t) {
    long long local = t + 9 * 3600;
    long long minutes = (local % 86400 + 86400) % 86400 / 60;
    char clock[16];
    std::snprintf(clock, sizeof clock, " %02lld:%02lld", minutes / 60, minutes % 60);
    return fr::japan_date(t) + clock;
}

std::string final_report_state(const fr::Document& r) {
    if (!r.state) return "下書き（未保存）";
    std::string label(core::label_in(core::report_states(), *r.state));
    return r.submitted_copy ? label + "（提出された版）" : label;
}

void final_report_header(Document& doc, const fr::Document& r) {
    doc.paragraph(
        r.title,
        {.size = 20, .colour = {0.12, 0.31, 0.47}, .align = Align::centre, .line_spacing = 1.2}, 0,
        2);
    doc.paragraph(r.course_title, {.size = 9.5, .colour = {0.4, 0.4, 0.4}, .align = Align::centre},
                  0, 12);
    const double half = doc.content_width() / 2;
    pdf::table(doc, {{"", 72}, {"", half - 72}, {"", 72}, {"", half - 72}},
               {{"指導先企業", final_report_dash(r.company_name), "担当専門家",
                 final_report_dash(r.expert_name)},
                {"状態", final_report_state(r), "", ""}},
               {.font_size = 9.5, .padding = 4, .header = false, .label_columns = {0, 2}});
    doc.advance(8);
}

void final_report_sessions(Document& doc, const std::vector<fr::SessionFact>& sessions) {
    if (sessions.empty()) return;
    const double w = doc.content_width();
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : sessions)
        rows.push_back({s.title, s.theme, s.held_on ? date_ja(*s.held_on) : "未実施",
                        s.planned_date ? date_ja(*s.planned_date) : "－"});
    pdf::table(doc,
               {{"回", w * 0.12}, {"テーマ", w * 0.44}, {"実施日", w * 0.22}, {"予定日", w * 0.22}},
               rows);
    doc.advance(8);
}

void final_report_scores(Document& doc, const fr::DiagnosisFacts& d) {
    if (!d.first) return;
    const double w = doc.content_width();
    auto row = [](const char* label, const fr::RoundFact& r) {
        return std::vector<std::string>{label, r.name, std::to_string(r.respondents) + " 名",
                                        final_report_points(r.total_mean) + " 点", r.band_label};
    };
    std::vector<std::vector<std::string>> rows{row("初回", *d.first)};
    if (d.final) rows.push_back(row("最終回", *d.final));
    pdf::table(doc,
               {{"", w * 0.12},
                {"自社診断の回", w * 0.3},
                {"回答者", w * 0.14},
                {"平均点", w * 0.14},
                {"評価", w * 0.3}},
               rows);
    doc.advance(8);
}

void final_report_history(Document& doc, const std::vector<fr::Step>& steps) {
    if (steps.empty()) return;
    doc.heading("提出と確認の経過", 12, 60);
    const double w = doc.content_width();
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : steps)
        rows.push_back({final_report_time(s.at), s.actor_name,
                        std::string(core::label_in(core::report_states(), s.from)) + " → " +
                            std::string(core::label_in(core::report_states(), s.to)),
                        s.comment});
    pdf::table(
        doc,
        {{"日時", w * 0.2}, {"操作した人", w * 0.18}, {"状態", w * 0.2}, {"コメント", w * 0.42}},
        rows);
}

}  // namespace

std::string render_final_report_pdf(const fr::Document& r) {
    pdf::PageSetup setup;
    setup.title = r.title + " " + r.company_name;
    setup.footer_left = r.company_name + "　" + r.title;
    return pdf::render(setup, [&](Document& doc) {
        final_report_header(doc, r);
        for (std::size_t i = 0; i < r.sections.size(); ++i) {
            doc.heading(r.sections[i].first, 12, 40);
            // The tables go with the sections they back: sessions with the overview (first),
            // the scores with the self-assessment (second).
            if (i == 0) final_report_sessions(doc, r.facts.sessions);
            if (i == 1) final_report_scores(doc, r.facts.diagnosis);
            doc.paragraph(final_report_dash(r.sections[i].second), final_report_body, 0, 8);
        }
        final_report_history(doc, r.steps);
        doc.paragraph("この報告書は shido で作成されました。", final_report_note, 0, 0);
    });
}

}  // namespace shido::exports
