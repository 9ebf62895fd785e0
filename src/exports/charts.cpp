#include "exports/charts.hpp"
#include "exports/number_text.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace shido::exports::charts {

namespace {

using pdf::Align;
using pdf::set_colour;
using pdf::TextStyle;

constexpr Rgb grid_colour{0.75, 0.75, 0.75};
constexpr Rgb axis_colour{0.45, 0.45, 0.45};
constexpr Rgb label_colour{0.2, 0.2, 0.2};

void polygon(cairo_t* cr, double cx, double cy, const std::vector<double>& radii) {
    const std::size_t n = radii.size();
    for (std::size_t i = 0; i < n; ++i) {
        const double angle = -std::numbers::pi / 2 +
                             2 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n);
        const double px = cx + radii[i] * std::cos(angle);
        const double py = cy + radii[i] * std::sin(angle);
        if (i == 0)
            cairo_move_to(cr, px, py);
        else
            cairo_line_to(cr, px, py);
    }
    cairo_close_path(cr);
}

void line_sample(cairo_t* cr, double x, double y, double length, const Rgb& colour, bool dashed) {
    set_colour(cr, colour);
    cairo_set_line_width(cr, 1.8);
    if (dashed) {
        const double dash[] = {4, 2};
        cairo_set_dash(cr, dash, 2, 0);
    }
    cairo_move_to(cr, x, y);
    cairo_line_to(cr, x + length, y);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
}

}  // namespace

void draw_radar(pdf::Document& doc, double x, double y, double width, double height,
                const std::vector<std::string>& axes, const std::vector<Series>& series) {
    const std::size_t n = axes.size();
    if (n == 0) return;
    cairo_t* cr = doc.cr();
    cairo_save(cr);
    const double legend_width = std::min(100.0, width * 0.25);
    const double plot_width = width - legend_width;
    constexpr double label_width = 84;
    constexpr double label_room = 30;  // above and below the polygon, for the axis labels
    // Fit the polygon: how far its corners reach up, down and sideways per unit of radius.
    double up = 0, down = 0, side = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double angle = -std::numbers::pi / 2 +
                             2 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n);
        up = std::max(up, -std::sin(angle));
        down = std::max(down, std::sin(angle));
        side = std::max(side, std::abs(std::cos(angle)));
    }
    double radius = (height - 2 * label_room) / std::max(up + down, 0.5);
    if (side > 0.01) radius = std::min(radius, (plot_width / 2 - label_width - 8) / side);
    radius = std::max(radius, 20.0);
    const double cx = x + plot_width / 2;
    const double cy =
        y + label_room + radius * up + (height - 2 * label_room - radius * (up + down)) / 2;

    // Grid rings at 25/50/75/100 % and the spokes.
    cairo_set_line_width(cr, 0.5);
    for (int level : {25, 50, 75, 100}) {
        polygon(cr, cx, cy, std::vector<double>(n, radius * level / 100.0));
        set_colour(cr, level == 100 ? axis_colour : grid_colour);
        cairo_stroke(cr);
    }
    for (std::size_t i = 0; i < n; ++i) {
        const double angle = -std::numbers::pi / 2 +
                             2 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n);
        cairo_move_to(cr, cx, cy);
        cairo_line_to(cr, cx + radius * std::cos(angle), cy + radius * std::sin(angle));
    }
    set_colour(cr, grid_colour);
    cairo_stroke(cr);

    // Axis labels outside the 100 % ring, anchored away from the centre.
    for (std::size_t i = 0; i < n; ++i) {
        const double angle = -std::numbers::pi / 2 +
                             2 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n);
        const double dx = std::cos(angle), dy = std::sin(angle);
        const double px = cx + (radius + 8) * dx;
        const double py = cy + (radius + 8) * dy;
        TextStyle style{.size = 8.5, .colour = label_colour, .line_spacing = 1.2, .max_height = 24};
        double left = px - label_width / 2;
        style.align = Align::centre;
        if (dx > 0.3) {
            left = px;
            style.align = Align::left;
        } else if (dx < -0.3) {
            left = px - label_width;
            style.align = Align::right;
        }
        auto text = doc.text(axes[i], style, label_width);
        double top = py - text.height() / 2;
        if (dy < -0.3) top = py - text.height();
        if (dy > 0.3) top = py;
        text.draw(cr, left, top);
    }

    // Series: translucent fill, outline, a dot on each axis.
    for (const auto& s : series) {
        std::vector<double> radii(n, 0);
        for (std::size_t i = 0; i < n && i < s.values.size(); ++i)
            radii[i] = radius * std::clamp(s.values[i], 0.0, 100.0) / 100.0;
        polygon(cr, cx, cy, radii);
        set_colour(cr, s.colour, 0.10);
        cairo_fill_preserve(cr);
        set_colour(cr, s.colour);
        cairo_set_line_width(cr, 1.6);
        if (s.dashed) {
            const double dash[] = {4, 2};
            cairo_set_dash(cr, dash, 2, 0);
        }
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
        for (std::size_t i = 0; i < n; ++i) {
            const double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi *
                                                             static_cast<double>(i) /
                                                             static_cast<double>(n);
            cairo_arc(cr, cx + radii[i] * std::cos(angle), cy + radii[i] * std::sin(angle), 1.8, 0,
                      2 * std::numbers::pi);
            cairo_fill(cr);
        }
    }

    // Ring values on top of the series, on a white ground, just below each ring's top corner.
    const TextStyle ring_style{.size = 6.5, .colour = axis_colour, .line_spacing = 1.0};
    for (int level : {25, 50, 75, 100}) {
        auto text = doc.text(std::to_string(level) + "%", ring_style, 40);
        const double tx = cx + 3, ty = cy - radius * level / 100.0 + 1;
        cairo_set_source_rgba(cr, 1, 1, 1, 0.8);
        cairo_rectangle(cr, tx - 1, ty, text.width() + 2, text.height());
        cairo_fill(cr);
        text.draw(cr, tx, ty);
    }

    // Legend to the right.
    const TextStyle legend_style{.size = 9, .colour = label_colour, .line_spacing = 1.2};
    double ly = y + 24;
    const double lx = x + plot_width + 10;
    for (const auto& s : series) {
        auto text = doc.text(s.label, legend_style, legend_width - 34);
        line_sample(cr, lx, ly + text.height() / 2, 20, s.colour, s.dashed);
        text.draw(cr, lx + 26, ly);
        ly += text.height() + 6;
    }
    cairo_restore(cr);
}

// ---- BarChart -----------------------------------------------------------------------------

BarChart::BarChart(pdf::Document& doc, std::vector<Bars> series, std::string marker_label,
                   double min, double max, std::string unit)
    : doc_(doc),
      series_(std::move(series)),
      marker_label_(std::move(marker_label)),
      min_(min),
      max_(max > min ? max : min + 1),
      unit_(std::move(unit)),
      label_width_(150),
      plot_left_(doc.left() + label_width_ + 8),
      plot_right_(doc.right() - 22),
      bar_height_(series_.size() <= 1   ? 9
                  : series_.size() == 2 ? 7
                                        : 5.5) {}

double BarChart::x_of(double value) const {
    const double v = std::clamp(value, min_, max_);
    return plot_left_ + (v - min_) / (max_ - min_) * (plot_right_ - plot_left_);
}

double BarChart::header_height() const {
    return 34;
}

double BarChart::row_height() const {
    return std::max(14.0, static_cast<double>(series_.size()) * bar_height_ + 6);
}

void BarChart::draw_header() {
    cairo_t* cr = doc_.cr();
    const double y = doc_.y();
    const TextStyle legend{.size = 8.5, .colour = label_colour, .line_spacing = 1.1};
    double x = plot_left_;
    for (const auto& s : series_) {
        auto text = doc_.text(s.label, legend, 120);
        set_colour(cr, s.colour);
        cairo_rectangle(cr, x, y + 3, 12, 7);
        cairo_fill(cr);
        text.draw(cr, x + 15, y);
        x += 15 + text.width() + 12;
    }
    if (!marker_label_.empty()) {
        auto text = doc_.text(marker_label_, legend, 120);
        set_colour(cr, label_colour);
        cairo_set_line_width(cr, 1.4);
        cairo_move_to(cr, x + 5, y + 1);
        cairo_line_to(cr, x + 5, y + 12);
        cairo_stroke(cr);
        text.draw(cr, x + 12, y);
    }

    const TextStyle scale{
        .size = 7.5, .colour = axis_colour, .align = Align::centre, .line_spacing = 1.0};
    const double scale_y = y + 18;
    for (double tick = std::ceil(min_); tick <= max_ + 1e-9; tick += 1) {
        auto text = doc_.text(decimal(tick, 0), scale, 24);
        text.draw(cr, x_of(tick) - 12, scale_y);
    }
    TextStyle unit = scale;
    unit.align = Align::left;
    doc_.text(unit_, unit, 30).draw(cr, plot_right_ + 6, scale_y);
    doc_.advance(header_height());
}

void BarChart::draw_row(std::string_view label, const std::vector<std::optional<double>>& values,
                        std::optional<double> marker, bool shaded) {
    cairo_t* cr = doc_.cr();
    const double y = doc_.y();
    const double h = row_height();
    if (shaded) {
        set_colour(cr, {0.96, 0.96, 0.96});
        cairo_rectangle(cr, doc_.left(), y, doc_.content_width(), h);
        cairo_fill(cr);
    }
    const TextStyle label_style{
        .size = 8, .colour = label_colour, .line_spacing = 1.0, .single_line = true};
    auto text = doc_.text(label, label_style, label_width_);
    text.draw(cr, doc_.left() + 2, y + (h - text.height()) / 2);

    cairo_set_line_width(cr, 0.4);
    for (double tick = std::ceil(min_); tick <= max_ + 1e-9; tick += 1) {
        set_colour(cr, std::abs(tick) < 1e-9 ? axis_colour : grid_colour);
        cairo_move_to(cr, x_of(tick), y);
        cairo_line_to(cr, x_of(tick), y + h);
        cairo_stroke(cr);
    }

    const TextStyle value_style{.size = 6, .colour = label_colour, .line_spacing = 1.0};
    const double top = y + (h - static_cast<double>(series_.size()) * bar_height_) / 2;
    for (std::size_t i = 0; i < series_.size() && i < values.size(); ++i) {
        if (!values[i]) continue;
        const double bar_top = top + static_cast<double>(i) * bar_height_;
        const double x0 = x_of(0), x1 = x_of(*values[i]);
        set_colour(cr, series_[i].colour);
        cairo_rectangle(cr, std::min(x0, x1), bar_top + 0.5, std::max(std::abs(x1 - x0), 0.8),
                        bar_height_ - 1);
        cairo_fill(cr);
        auto value = doc_.text(decimal(*values[i], 1), value_style, 24);
        value.draw(cr, std::max(x0, x1) + 2, bar_top + (bar_height_ - value.height()) / 2);
    }
    if (marker) {
        set_colour(cr, {0, 0, 0});
        cairo_set_line_width(cr, 1.4);
        cairo_move_to(cr, x_of(*marker), y + 1);
        cairo_line_to(cr, x_of(*marker), y + h - 1);
        cairo_stroke(cr);
    }
    doc_.advance(h);
}

}  // namespace shido::exports::charts
