#pragma once
// Pages, text and tables for the PDF exports (pango/cairo). Internal to exports.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "exports/colour.hpp"

namespace shido::exports::pdf {

inline constexpr double a4_width = 595.276;   // points
inline constexpr double a4_height = 841.890;  // points
inline constexpr const char* body_font = "IPAexGothic";
inline constexpr const char* mono_font = "DejaVu Sans Mono, IPAexGothic";

enum class Align { left, centre, right };

struct TextStyle {
    double size = 10;  // points
    Rgb colour{0.1, 0.1, 0.1};
    Align align = Align::left;
    double line_spacing = 1.5;  // factor of the font's line height
    bool mono = false;
    bool break_anywhere = false;  // URLs: wrap between any two characters
    double max_height = 0;        // > 0: cut with … so the text stays within this height
    bool single_line = false;     // one line, cut with … (labels in charts)
};

void set_colour(cairo_t* cr, const Rgb& rgb, double alpha = 1.0);

// One measured piece of text; wraps at `width` (Japanese line breaking by pango).
class TextBlock {
  public:
    TextBlock(PangoContext* context, std::string_view text, const TextStyle& style, double width);
    ~TextBlock();
    TextBlock(TextBlock&& other) noexcept;
    TextBlock& operator=(TextBlock&&) = delete;
    TextBlock(const TextBlock&) = delete;
    TextBlock& operator=(const TextBlock&) = delete;

    double height() const { return height_; }
    double width() const { return width_; }  // of the widest line
    void draw(cairo_t* cr, double x, double y) const;
    PangoLayout* layout() const { return layout_; }

  private:
    PangoLayout* layout_;
    Rgb colour_;
    double height_ = 0;
    double width_ = 0;
};

struct PageSetup {
    double width = a4_width;
    double height = a4_height;
    double margin_top = 56;
    double margin_bottom = 56;  // the footer sits inside the bottom margin
    double margin_left = 56;
    double margin_right = 56;
    std::string title;        // PDF metadata
    std::string footer_left;  // e.g. the company name; page numbers "n / N" are centred
};

// A PDF document being written: page handling and a cursor that moves down the page.
// Nothing is ever drawn below bottom(): callers ask fits() / ensure() before drawing a block,
// and paragraph() moves on to the next page line by line.
class Document {
  public:
    Document(const PageSetup& setup, std::string* out, int total_pages);
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    cairo_t* cr() const { return cr_; }
    PangoContext* pango() const { return pango_; }
    double left() const { return setup_.margin_left; }
    double right() const { return setup_.width - setup_.margin_right; }
    double top() const { return setup_.margin_top; }
    double bottom() const { return setup_.height - setup_.margin_bottom; }
    double content_width() const { return right() - left(); }
    double content_height() const { return bottom() - top(); }
    double y() const { return y_; }
    void advance(double dy) { y_ += dy; }
    int page() const { return page_; }

    bool fits(double height) const { return y_ + height <= bottom() + 0.01; }
    // Starts a new page unless `height` fits below the cursor; true when it did.
    bool ensure(double height);
    void new_page();

    TextBlock text(std::string_view text, const TextStyle& style, double width) const;
    // Wrapped text at the cursor, continued on the next page when it does not fit.
    void paragraph(std::string_view text, const TextStyle& style, double indent = 0,
                   double space_after = 4);
    // A section heading kept together with `keep_with` points of what follows.
    void heading(std::string_view text, double size = 13, double keep_with = 80);

    // Ends the last page and the document. Throws std::runtime_error on a cairo error.
    void finish();

  private:
    void draw_footer();

    PageSetup setup_;
    cairo_surface_t* surface_ = nullptr;
    cairo_t* cr_ = nullptr;
    PangoContext* pango_ = nullptr;
    int total_pages_;
    int page_ = 1;
    double y_ = 0;
    bool finished_ = false;
};

// Renders a document twice: once to count the pages, then for real with "n / N" footers.
std::string render(const PageSetup& setup, const std::function<void(Document&)>& body);

// A table with a header row repeated on every page. Rows never split: each cell is cut with …
// at `max_cell_height` so a row always fits on one page.
struct Column {
    std::string title;
    double width = 0;  // points; the widths should add up to the table's width
    Align align = Align::left;
};

struct TableStyle {
    double font_size = 9;
    double padding = 4;
    double max_cell_height = 300;
    Rgb header_fill{0.87, 0.92, 0.97};
    Rgb border{0.6, 0.6, 0.6};
    bool header = true;                      // false: no header row (a label/value table)
    std::vector<std::size_t> label_columns;  // shaded like the header (label/value tables)
};

void table(Document& doc, const std::vector<Column>& columns,
           const std::vector<std::vector<std::string>>& rows, const TableStyle& style = {});

}  // namespace shido::exports::pdf
