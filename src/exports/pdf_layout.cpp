#include "exports/pdf_layout.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "exports/cell_text.hpp"

// Fontconfig (under pango) keeps its font cache until the process ends, which LeakSanitizer
// reports as leaks at exit. In sanitizer builds, those allocations are not reported; this
// object is linked into every program that renders a PDF.
#if defined(__SANITIZE_ADDRESS__)
extern "C" const char* __lsan_default_suppressions() {
    return "leak:libfontconfig.so\n";
}
#endif

namespace shido::exports::pdf {

namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    try {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    } catch (...) {
        return CAIRO_STATUS_WRITE_ERROR;
    }
}

cairo_status_t discard_bytes(void*, const unsigned char*, unsigned int) {
    return CAIRO_STATUS_SUCCESS;
}

PangoAlignment pango_alignment(Align align) {
    switch (align) {
        case Align::left:
            return PANGO_ALIGN_LEFT;
        case Align::centre:
            return PANGO_ALIGN_CENTER;
        case Align::right:
            return PANGO_ALIGN_RIGHT;
    }
    return PANGO_ALIGN_LEFT;
}

void check(cairo_status_t status) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string("pdf: ") + cairo_status_to_string(status));
}

}  // namespace

void set_colour(cairo_t* cr, const Rgb& rgb, double alpha) {
    cairo_set_source_rgba(cr, rgb.r, rgb.g, rgb.b, alpha);
}

// ---- TextBlock ----------------------------------------------------------------------------

TextBlock::TextBlock(PangoContext* context, std::string_view text, const TextStyle& style,
                     double width)
    : layout_(pango_layout_new(context)), colour_(style.colour) {
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, style.mono ? mono_font : body_font);
    pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
    pango_layout_set_font_description(layout_, font);
    pango_font_description_free(font);

    std::string clean = valid_utf8(text);
    if (style.single_line) std::replace(clean.begin(), clean.end(), '\n', ' ');
    pango_layout_set_text(layout_, clean.data(), static_cast<int>(clean.size()));
    pango_layout_set_width(layout_, pango_units_from_double(std::max(width, 1.0)));
    pango_layout_set_wrap(layout_, style.break_anywhere ? PANGO_WRAP_CHAR : PANGO_WRAP_WORD_CHAR);
    pango_layout_set_line_spacing(layout_, static_cast<float>(style.line_spacing));
    pango_layout_set_alignment(layout_, pango_alignment(style.align));
    if (style.single_line) {
        pango_layout_set_ellipsize(layout_, PANGO_ELLIPSIZE_END);
        pango_layout_set_height(layout_, -1);
    } else if (style.max_height > 0) {
        pango_layout_set_ellipsize(layout_, PANGO_ELLIPSIZE_END);
        pango_layout_set_height(layout_, pango_units_from_double(style.max_height));
    }
    PangoRectangle logical;
    pango_layout_get_extents(layout_, nullptr, &logical);
    height_ = pango_units_to_double(logical.height);
    width_ = pango_units_to_double(logical.width);
}

TextBlock::~TextBlock() {
    if (layout_ != nullptr) g_object_unref(layout_);
}

TextBlock::TextBlock(TextBlock&& other) noexcept
    : layout_(std::exchange(other.layout_, nullptr)),
      colour_(other.colour_),
      height_(other.height_),
      width_(other.width_) {}

void TextBlock::draw(cairo_t* cr, double x, double y) const {
    set_colour(cr, colour_);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout_);
}

// ---- Document -----------------------------------------------------------------------------

Document::Document(const PageSetup& setup, std::string* out, int total_pages)
    : setup_(setup), total_pages_(total_pages), y_(setup.margin_top) {
    surface_ = cairo_pdf_surface_create_for_stream(out != nullptr ? append_bytes : discard_bytes,
                                                   out, setup_.width, setup_.height);
    check(cairo_surface_status(surface_));
    const std::string title = valid_utf8(setup_.title);
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "shido");
    cr_ = cairo_create(surface_);
    check(cairo_status(cr_));

    pango_ = pango_cairo_create_context(cr_);
    // PDF is vector output: no hinting, no rounding, so measured and drawn text agree.
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(pango_, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(pango_, FALSE);
    PangoLanguage* japanese = pango_language_from_string("ja");
    pango_context_set_language(pango_, japanese);
}

Document::~Document() {
    if (pango_ != nullptr) g_object_unref(pango_);
    if (cr_ != nullptr) cairo_destroy(cr_);
    if (surface_ != nullptr) cairo_surface_destroy(surface_);
}

bool Document::ensure(double height) {
    if (fits(height) || y_ <= top() + 0.01) return false;
    new_page();
    return true;
}

void Document::new_page() {
    draw_footer();
    cairo_show_page(cr_);
    ++page_;
    y_ = top();
}

TextBlock Document::text(std::string_view text, const TextStyle& style, double width) const {
    return TextBlock(pango_, text, style, width);
}

void Document::paragraph(std::string_view text, const TextStyle& style, double indent,
                         double space_after) {
    const TextBlock block = this->text(text, style, content_width() - indent);
    const double x = left() + indent;
    if (fits(block.height())) {
        block.draw(cr_, x, y_);
        y_ += block.height() + space_after;
        return;
    }
    // Line by line, moving to the next page where a line would cross the bottom margin.
    PangoLayoutIter* iter = pango_layout_get_iter(block.layout());
    double origin = y_;  // where the layout's top is on the current page
    do {
        int line_top = 0, line_bottom = 0;
        pango_layout_iter_get_line_yrange(iter, &line_top, &line_bottom);
        if (origin + pango_units_to_double(line_bottom) > bottom() + 0.01) {
            new_page();
            origin = y_ - pango_units_to_double(line_top);
        }
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(iter, nullptr, &logical);
        set_colour(cr_, style.colour);
        cairo_move_to(cr_, x + pango_units_to_double(logical.x),
                      origin + pango_units_to_double(pango_layout_iter_get_baseline(iter)));
        pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(iter));
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    y_ = origin + block.height() + space_after;
}

void Document::heading(std::string_view text, double size, double keep_with) {
    const TextStyle style{.size = size, .colour = {0.12, 0.31, 0.47}, .line_spacing = 1.3};
    const TextBlock block = this->text(text, style, content_width());
    const double space_before = y_ > top() + 0.01 ? size * 0.8 : 0;
    const double needed = space_before + block.height() + 6;
    if (ensure(std::min(needed + keep_with, content_height()))) {
        // new page: no space before
    } else {
        y_ += space_before;
    }
    block.draw(cr_, left(), y_);
    y_ += block.height() + 2;
    set_colour(cr_, style.colour);
    cairo_set_line_width(cr_, 0.8);
    cairo_move_to(cr_, left(), y_);
    cairo_line_to(cr_, right(), y_);
    cairo_stroke(cr_);
    y_ += 6;
}

void Document::draw_footer() {
    const double baseline_y = setup_.height - setup_.margin_bottom + 18;
    const TextStyle small{.size = 8, .colour = {0.45, 0.45, 0.45}, .line_spacing = 1.0};
    std::string number = std::to_string(page_);
    if (total_pages_ > 0) number += " / " + std::to_string(total_pages_);
    TextStyle centred = small;
    centred.align = Align::centre;
    text(number, centred, content_width()).draw(cr_, left(), baseline_y);
    if (!setup_.footer_left.empty()) {
        TextStyle cut = small;
        cut.single_line = true;
        text(setup_.footer_left, cut, content_width() * 0.4).draw(cr_, left(), baseline_y);
    }
}

void Document::finish() {
    if (finished_) return;
    finished_ = true;
    draw_footer();
    cairo_show_page(cr_);
    check(cairo_status(cr_));
    cairo_surface_finish(surface_);
    check(cairo_surface_status(surface_));
}

std::string render(const PageSetup& setup, const std::function<void(Document&)>& body) {
    int pages = 0;
    {
        Document counting(setup, nullptr, 0);
        body(counting);
        counting.finish();
        pages = counting.page();
    }
    std::string out;
    {
        Document document(setup, &out, pages);
        body(document);
        document.finish();
    }
    return out;
}

// ---- table --------------------------------------------------------------------------------

void table(Document& doc, const std::vector<Column>& columns,
           const std::vector<std::vector<std::string>>& rows, const TableStyle& style) {
    cairo_t* cr = doc.cr();
    const double pad = style.padding;
    auto blocks_of = [&](const std::vector<std::string>& cells, bool header) {
        std::vector<TextBlock> blocks;
        double height = 0;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            TextStyle cell{.size = style.font_size,
                           .align = header ? Align::centre : columns[c].align,
                           .line_spacing = 1.35,
                           .max_height = style.max_cell_height};
            blocks.push_back(doc.text(c < cells.size() ? cells[c] : std::string(), cell,
                                      columns[c].width - 2 * pad));
            height = std::max(height, blocks.back().height());
        }
        return std::pair{std::move(blocks), height + 2 * pad};
    };
    auto draw_row = [&](const std::vector<TextBlock>& blocks, double height, bool header) {
        double x = doc.left();
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const double w = columns[c].width;
            const bool label = std::find(style.label_columns.begin(), style.label_columns.end(),
                                         c) != style.label_columns.end();
            if (header || label) {
                set_colour(cr, style.header_fill);
                cairo_rectangle(cr, x, doc.y(), w, height);
                cairo_fill(cr);
            }
            set_colour(cr, style.border);
            cairo_set_line_width(cr, 0.5);
            cairo_rectangle(cr, x, doc.y(), w, height);
            cairo_stroke(cr);
            blocks[c].draw(cr, x + pad, doc.y() + pad);
            x += w;
        }
        doc.advance(height);
    };

    std::vector<std::string> titles;
    for (const auto& column : columns) titles.push_back(column.title);
    const auto [header, header_height] = blocks_of(titles, true);
    bool header_drawn = !style.header;
    for (const auto& cells : rows) {
        const auto [blocks, height] = blocks_of(cells, false);
        const double needed = height + (header_drawn ? 0 : header_height);
        if (!doc.fits(needed)) {
            if (doc.y() > doc.top() + 0.01) doc.new_page();
            header_drawn = !style.header;
        }
        if (!header_drawn) {
            draw_row(header, header_height, true);
            header_drawn = true;
        }
        draw_row(blocks, height, false);
    }
    if (!header_drawn && rows.empty()) {
        doc.ensure(header_height);
        draw_row(header, header_height, true);
    }
    doc.advance(6);
}

}  // namespace shido::exports::pdf
