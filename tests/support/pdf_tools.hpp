#pragma once
#include <string>
#include <vector>

namespace shido::testing {

// poppler-utils on a PDF held in memory. Each throws std::runtime_error naming the package to
// install when the tool is missing, and when the tool fails.
std::string pdf_text(const std::string& pdf);   // pdftotext
int pdf_pages(const std::string& pdf);          // pdfinfo
std::string pdf_fonts(const std::string& pdf);  // pdffonts

struct WordBox {
    std::string text;
    int page = 0;
    double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
};
struct PageBoxes {
    double width = 0, height = 0;
    std::vector<WordBox> words;
};
PageBoxes pdf_word_boxes(const std::string& pdf);  // pdftotext -bbox

// Rasterises page 1 with pdftoppm; returns the PNG's bytes.
std::string pdf_first_page_png(const std::string& pdf, int dpi);

// Text with line breaks removed (Japanese lines break anywhere).
std::string joined(std::string text);

}  // namespace shido::testing
