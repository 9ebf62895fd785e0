#pragma once
// Charts drawn with cairo for the PDF report. Internal to exports.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "exports/pdf_layout.hpp"

namespace shido::exports::charts {

struct Series {
    std::string label;
    std::vector<double> values;
    Rgb colour;
    bool dashed = false;
};

// A radar chart of percentages (0–100), one axis per category, grid rings at 25/50/75/100 %,
// and a legend to the right. Occupies `width` × `height` points from (x, y).
void draw_radar(pdf::Document& doc, double x, double y, double width, double height,
                const std::vector<std::string>& axes, const std::vector<Series>& series);

// Horizontal bars, one row per item and one bar per series, on a fixed scale (e.g. -1 to 4
// points). The caller walks the rows and starts a new page (and a new header) when a row
// does not fit; every draw_* advances the document's cursor.
class BarChart {
  public:
    struct Bars {
        std::string label;
        Rgb colour;
    };
    BarChart(pdf::Document& doc, std::vector<Bars> series, std::string marker_label, double min,
             double max, std::string unit);

    double header_height() const;
    double row_height() const;
    void draw_header();
    // values: one per series (nullopt: that series has no value); marker: e.g. the overall mean.
    void draw_row(std::string_view label, const std::vector<std::optional<double>>& values,
                  std::optional<double> marker, bool shaded);

  private:
    double x_of(double value) const;

    pdf::Document& doc_;
    std::vector<Bars> series_;
    std::string marker_label_;
    double min_;
    double max_;
    std::string unit_;
    double label_width_;
    double plot_left_;
    double plot_right_;
    double bar_height_;
};

}  // namespace shido::exports::charts
