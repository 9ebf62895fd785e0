#include "exports/diagnosis/report_pdf.hpp"

#include <algorithm>

#include "exports/charts.hpp"
#include "exports/diagnosis/report_text.hpp"
#include "exports/pdf_layout.hpp"

namespace shido::exports {

namespace {

namespace dx = core::diagnosis;
using pdf::Align;
using pdf::Column;
using pdf::Document;
using pdf::TextStyle;

constexpr TextStyle body{.size = 10};
constexpr TextStyle note{.size = 8.5, .colour = {0.35, 0.35, 0.35}};

std::string or_dash(const std::string& text) {
    return text.empty() ? "－" : text;
}

class ReportWriter {
  public:
    ReportWriter(Document& doc, const dx::DiagnosisReport& report, const dx::Instrument& instrument)
        : doc_(doc), report_(report), instrument_(instrument), analysis_(report.analysis) {}

    void write() {
        title();
        overall();
        if (analysis_.all.respondents > 0) {  // without answers there is nothing to chart
            by_role();
            radar();
            item_bars();
            drill_down();
            unknown_answers();
        }
        priorities();
    }

  private:
    void title() {
        doc_.paragraph(
            report_title,
            {.size = 20, .colour = {0.12, 0.31, 0.47}, .align = Align::centre, .line_spacing = 1.2},
            0, 2);
        doc_.paragraph(instrument_.title + "（" + instrument_.edition + "）",
                       {.size = 9.5, .colour = {0.4, 0.4, 0.4}, .align = Align::centre}, 0, 12);
        // Two label/value pairs per row.
        const double half = doc_.content_width() / 2;
        pdf::table(
            doc_, {{"", 72}, {"", half - 72}, {"", 72}, {"", half - 72}},
            {{"企業名", or_dash(report_.company_name), "業種", or_dash(report_.industry)},
             {"担当専門家", or_dash(report_.expert_name), "診断の回", or_dash(report_.round_name)},
             {"作成日", or_dash(date_ja(report_.generated_on)), "回答者数",
              std::to_string(analysis_.all.respondents) + "人"}},
            {.font_size = 9.5, .padding = 4, .header = false, .label_columns = {0, 2}});
    }

    void overall() {
        doc_.heading("総合結果");
        if (analysis_.all.respondents == 0) {
            doc_.paragraph("回答はまだありません。", body);
            return;
        }
        doc_.paragraph("平均点　" + decimal(analysis_.all.total_mean, 1) + "点（" +
                           std::to_string(instrument_.max_total()) + "点満点）",
                       {.size = 14}, 0, 2);
        if (const dx::Band* band = band_of_mean(instrument_, analysis_.all.total_mean)) {
            doc_.paragraph("判定　" + band->label, {.size = 12, .colour = {0.12, 0.31, 0.47}}, 0,
                           2);
            doc_.paragraph(band->meaning, body, 0, 6);
        }
        std::string scale = "判定の目安:";
        for (const auto& band : instrument_.bands)
            scale += "　" + std::to_string(band.min) +
                     (band.min == band.max ? "" : "〜" + std::to_string(band.max)) + "点 " +
                     band.label;
        doc_.paragraph(scale, note);
    }

    void by_role() {
        doc_.heading("回答者区分別の結果");
        const double w = doc_.content_width();
        std::vector<Column> columns{
            {"区分", 64}, {"人数", 40, Align::right}, {"平均点", 48, Align::right}};
        const double part_width =
            (w - 64 - 40 - 48 - 120) / static_cast<double>(instrument_.parts.size());
        for (const auto& part : instrument_.parts)
            columns.push_back({part.title + "（%）", part_width, Align::right});
        columns.push_back({"判定", 120});
        std::vector<std::vector<std::string>> rows;
        auto add = [&](std::string_view label, const dx::GroupPartMeans& group) {
            std::vector<std::string> row{std::string(label), std::to_string(group.respondents),
                                         decimal(group.total_mean, 1)};
            for (std::size_t p = 0; p < instrument_.parts.size(); ++p)
                row.push_back(p < group.part_percent.size() ? decimal(group.part_percent[p], 1)
                                                            : "");
            const dx::Band* band = band_of_mean(instrument_, group.total_mean);
            row.push_back(band ? band->label : "");
            rows.push_back(std::move(row));
        };
        for (dx::RespondentRole role : roles_answered(analysis_))
            add(dx::label_ja(role), analysis_.by_role.at(role));
        add(overall_label, analysis_.all);
        pdf::table(doc_, columns, rows);
    }

    std::vector<charts::Series> radar_series() const {
        std::vector<charts::Series> series;
        for (dx::RespondentRole role : roles_answered(analysis_))
            series.push_back({std::string(dx::label_ja(role)),
                              analysis_.by_role.at(role).part_percent, role_colour(role)});
        series.push_back(
            {std::string(overall_label), analysis_.all.part_percent, overall_colour(), true});
        return series;
    }

    void radar() {
        constexpr double height = 240;
        doc_.heading("分野別の実施率", 13, height + 20);
        doc_.paragraph("各分野の平均点を、その分野の満点に対する割合（%）で示しています。", note);
        std::vector<std::string> axes;
        for (const auto& part : instrument_.parts) axes.push_back(part.title);
        doc_.ensure(height);
        charts::draw_radar(doc_, doc_.left(), doc_.y(), doc_.content_width(), height, axes,
                           radar_series());
        doc_.advance(height + 6);
    }

    void item_bars() {
        const auto roles = roles_answered(analysis_);
        std::vector<charts::BarChart::Bars> bars;
        for (dx::RespondentRole role : roles)
            bars.push_back({std::string(dx::label_ja(role)), role_colour(role)});
        charts::BarChart chart(doc_, bars, "全体の平均", instrument_.worst_points(),
                               instrument_.best_points(), "点");
        // The whole chart on one page when it fits on a fresh one; else at least a few rows.
        const double rows = static_cast<double>(instrument_.items.size());
        const double whole = 70 + chart.header_height() + rows * chart.row_height();
        if (whole <= doc_.content_height() && !doc_.fits(whole)) doc_.new_page();
        const double start = chart.header_height() + std::min(rows, 5.0) * chart.row_height();
        doc_.heading("項目別の平均点", 13, 40 + start);
        std::string points = "回答の点数:";
        for (const auto& choice : instrument_.choices)
            points += "　" + choice.label + " " + std::to_string(choice.points) + "点";
        doc_.paragraph(points + "。縦の黒線は全体の平均点です。", note);
        doc_.ensure(start);
        chart.draw_header();
        bool shaded = false;
        for (const auto& item : instrument_.items) {
            if (!doc_.fits(chart.row_height())) {
                doc_.new_page();
                chart.draw_header();
            }
            std::vector<std::optional<double>> values;
            std::optional<double> marker;
            if (const dx::ItemAnalysis* stats = item_analysis(analysis_, item.no)) {
                for (dx::RespondentRole role : roles) {
                    auto it = stats->by_role.find(role);
                    if (it != stats->by_role.end() && it->second.respondents > 0)
                        values.emplace_back(it->second.mean_points);
                    else
                        values.emplace_back(std::nullopt);
                }
                if (stats->all.respondents > 0) marker = stats->all.mean_points;
            }
            chart.draw_row(std::to_string(item.no) + " " + item.topic, values, marker, shaded);
            shaded = !shaded;
        }
        doc_.advance(8);
    }

    void drill_down() {
        doc_.heading("掘り下げが必要な項目");
        std::string best;
        for (const auto& choice : instrument_.choices)
            if (choice.points == instrument_.best_points()) best = choice.label;
        doc_.paragraph(
            "全員が「" + best +
                "」と答えた項目（本当にできているか、例外はないか）と、回答者区分の間で平均点に" +
                decimal(dx::role_gap_threshold, 0) +
                "点以上の差がある項目です。確認のポイントに沿って話を聞いてください。",
            note, 0, 8);
        if (analysis_.drill_down_items.empty()) {
            doc_.paragraph("該当する項目はありません。", body);
            return;
        }
        for (int no : analysis_.drill_down_items) {
            const dx::Item* item = instrument_.item(no);
            const dx::ItemAnalysis* stats = item_analysis(analysis_, no);
            if (item == nullptr) continue;
            doc_.ensure(60);
            doc_.paragraph("No." + std::to_string(no) + "　" + item->topic,
                           {.size = 10.5, .colour = {0.12, 0.31, 0.47}, .line_spacing = 1.3}, 0, 1);
            if (stats != nullptr)
                doc_.paragraph("理由: " + drill_down_reason(instrument_, *stats), note, 12, 2);
            if (item->check_points.empty())
                doc_.paragraph("確認のポイントは登録されていません。", body, 12);
            for (const auto& point : item->check_points) doc_.paragraph("・" + point, body, 12, 1);
            doc_.advance(6);
        }
    }

    void unknown_answers() {
        std::vector<std::vector<std::string>> rows;
        for (const auto& stats : analysis_.items) {
            if (stats.unknown_count == 0) continue;
            const dx::Item* item = instrument_.item(stats.item_no);
            rows.push_back({std::to_string(stats.item_no), item ? item->topic : "",
                            std::to_string(stats.unknown_count) + "人"});
        }
        if (rows.empty()) return;
        const dx::Choice* unknown = nullptr;
        for (const auto& choice : instrument_.choices)
            if (choice.follow_up) unknown = &choice;
        const std::string label = unknown ? unknown->label : "わからない";
        doc_.heading("「" + label + "」と回答された項目");
        doc_.paragraph(
            "誰が何を知らないのかを確かめ、担当や情報の伝え方を見直すきっかけにしてください。",
            note);
        const double w = doc_.content_width();
        pdf::table(doc_,
                   {{"No", 30, Align::right}, {"項目", w - 30 - 60}, {"人数", 60, Align::right}},
                   rows);
    }

    void priorities() {
        doc_.heading("課題整理（優先順位）");
        if (report_.priorities.empty()) {
            doc_.paragraph("登録された課題はまだありません。", body);
            return;
        }
        const double w = doc_.content_width();
        const std::vector<Column> columns{{"順位", 30, Align::right},
                                          {"No", 26, Align::right},
                                          {"項目", 92},
                                          {"課題", w - 30 - 26 - 92 - 4 * 40},
                                          {"緊急度", 40, Align::centre},
                                          {"重要度", 40, Align::centre},
                                          {"難易度", 40, Align::centre},
                                          {"重点", 40, Align::centre}};
        std::vector<std::vector<std::string>> rows;
        int rank = 1;
        for (const auto& finding : report_.priorities) {
            const dx::Item* item = instrument_.item(finding.item_no);
            std::string text = finding.finding;
            if (!finding.notes.empty())
                text += (text.empty() ? "" : "\n") + std::string("メモ: ") + finding.notes;
            rows.push_back({std::to_string(rank++), std::to_string(finding.item_no),
                            item ? item->topic : "", text, label_or_empty(finding.urgency),
                            label_or_empty(finding.importance), label_or_empty(finding.difficulty),
                            finding.key_area ? "✔" : ""});
        }
        pdf::table(doc_, columns, rows);
    }

    Document& doc_;
    const dx::DiagnosisReport& report_;
    const dx::Instrument& instrument_;
    const dx::RoundAnalysis& analysis_;
};

}  // namespace

std::string render_report_pdf(const dx::DiagnosisReport& report) {
    const dx::Instrument& instrument = instrument_of(report);
    pdf::PageSetup setup;
    setup.title = std::string(report_title) + " " + report.company_name;
    setup.footer_left = report.company_name + "　" + report.round_name;
    return pdf::render(setup,
                       [&](Document& doc) { ReportWriter(doc, report, instrument).write(); });
}

}  // namespace shido::exports
