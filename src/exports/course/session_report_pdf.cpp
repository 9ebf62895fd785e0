#include "exports/course/session_report_pdf.hpp"

#include <cstdio>

#include "core/calendar/civil_date.hpp"
#include "core/engagements/engagement.hpp"
#include "exports/diagnosis/report_text.hpp"
#include "exports/pdf_layout.hpp"

namespace shido::exports {

namespace {

using pdf::Align;
using pdf::Document;
using pdf::TextStyle;

constexpr TextStyle report_body{.size = 10};
constexpr TextStyle report_note{.size = 8.5, .colour = {0.35, 0.35, 0.35}};

// A moment as people in Japan read it: 2026-12-01 14:05 (Japan time).
std::string japan_time(core::Timestamp t) {
    constexpr long long japan_offset = 9 * 3600;
    long long local = t + japan_offset;
    long long days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    long long seconds = local - days * 86400;
    int hour = static_cast<int>(seconds / 3600), minute = static_cast<int>(seconds % 3600 / 60);
    char clock[16];
    std::snprintf(clock, sizeof clock, "%02d:%02d", hour, minute);
    return core::to_string(core::from_days_since_epoch(days)) + " " + clock;
}

std::string dash_if_empty(const std::string& text) {
    return text.empty() ? "－" : text;
}

std::string mode_label(const std::optional<std::string>& key) {
    if (!key) return "－";
    auto mode = core::parse_session_mode(*key);
    return mode ? std::string(core::label_ja(*mode)) : "－";
}

std::string time_range(const core::ReportBody& b) {
    if (!b.start_time && !b.end_time) return "－";
    return b.start_time.value_or("") + "〜" + b.end_time.value_or("");
}

std::string state_text(const core::ReportDocument& r) {
    if (!r.state) return "下書き（未保存）";
    std::string label(core::label_in(core::report_states(), *r.state));
    return r.submitted_copy ? label + "（提出された版）" : label;
}

void section(Document& doc, const char* title, const std::string& text) {
    doc.heading(title, 12, 40);
    doc.paragraph(dash_if_empty(text), report_body, 0, 8);
}

void header(Document& doc, const core::ReportDocument& r) {
    doc.paragraph(
        "実施報告",
        {.size = 20, .colour = {0.12, 0.31, 0.47}, .align = Align::centre, .line_spacing = 1.2}, 0,
        2);
    doc.paragraph(r.course_title + "　" + r.session_title + "　" + r.session_theme,
                  {.size = 9.5, .colour = {0.4, 0.4, 0.4}, .align = Align::centre}, 0, 12);
    const double half = doc.content_width() / 2;
    const auto& b = r.body;
    pdf::table(
        doc, {{"", 72}, {"", half - 72}, {"", 72}, {"", half - 72}},
        {{"指導先企業", dash_if_empty(r.company_name), "担当専門家", dash_if_empty(r.expert_name)},
         {"実施日", b.held_on ? date_ja(*b.held_on) : "－", "時間", time_range(b)},
         {"実施形態", mode_label(b.mode), "場所・ツール", dash_if_empty(b.place)},
         {"状態", state_text(r), "回", r.session_title}},
        {.font_size = 9.5, .padding = 4, .header = false, .label_columns = {0, 2}});
    doc.advance(8);
}

void deliverables(Document& doc, const core::ReportBody& b) {
    doc.heading("成果物と状態", 12, 60);
    if (b.deliverables.empty()) {
        doc.paragraph("－", report_body, 0, 8);
        return;
    }
    const double w = doc.content_width();
    std::vector<std::vector<std::string>> rows;
    for (const auto& d : b.deliverables)
        rows.push_back(
            {d.name, std::string(core::label_in(core::deliverable_states(), d.state)), d.note});
    pdf::table(doc, {{"成果物", w * 0.45}, {"状態", w * 0.12}, {"備考", w * 0.43}}, rows);
    doc.advance(8);
}

void record_section(Document& doc, const core::SessionRecord& record) {
    doc.heading("指導の記録（報告に添付）", 12, 60);
    const double w = doc.content_width();
    std::vector<std::vector<std::string>> rows;
    for (const auto& item : record.agenda) {
        std::string times =
            item.actual_start || item.actual_end
                ? item.actual_start.value_or("") + "〜" + item.actual_end.value_or("")
                : "";
        rows.push_back({item.title, times, item.notes});
    }
    if (!rows.empty())
        pdf::table(doc, {{"議題", w * 0.35}, {"時間", w * 0.15}, {"記録", w * 0.5}}, rows);
    doc.advance(6);
    section(doc, "決定事項", record.decisions);
}

void history(Document& doc, const core::ReportDocument& r) {
    if (r.steps.empty()) return;
    doc.heading("提出と確認の経過", 12, 60);
    const double w = doc.content_width();
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : r.steps)
        rows.push_back({japan_time(s.at), s.actor_name,
                        std::string(core::label_in(core::report_states(), s.from)) + " → " +
                            std::string(core::label_in(core::report_states(), s.to)),
                        s.comment});
    pdf::table(
        doc,
        {{"日時", w * 0.2}, {"操作した人", w * 0.18}, {"状態", w * 0.2}, {"コメント", w * 0.42}},
        rows);
}

}  // namespace

std::string render_session_report_pdf(const core::ReportDocument& r) {
    pdf::PageSetup setup;
    setup.title = "実施報告 " + r.session_title + " " + r.company_name;
    setup.footer_left = r.company_name + "　実施報告　" + r.session_title;
    return pdf::render(setup, [&](Document& doc) {
        header(doc, r);
        const auto& b = r.body;
        section(doc, "出席者", b.attendees);
        section(doc, "実施内容", b.activities);
        deliverables(doc, b);
        section(doc, "今後の進め方・次回の予定", b.next_steps);
        section(doc, "追加情報の提供依頼", b.requests);
        section(doc, "特記事項", b.remarks);
        if (r.record) record_section(doc, *r.record);
        history(doc, r);
        doc.paragraph("この報告書は shido で作成されました。", report_note, 0, 0);
    });
}

}  // namespace shido::exports
