#include "support/pdf_tools.hpp"

#include <fstream>
#include <iterator>
#include <regex>
#include <stdexcept>

#include "support/tools.hpp"

namespace shido::testing {

namespace {

std::string tool(const std::string& name) {
    const std::string path = find_tool(name);
    if (path.empty())
        throw std::runtime_error(
            name + " not found on PATH or in /usr/bin: apt-get install -y poppler-utils");
    return path;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

std::string pdf_text(const std::string& pdf) {
    TempDir dir;
    const auto file = dir.path() / "in.pdf";
    write_file(file, pdf);
    const auto result = run_command(shell_quote(tool("pdftotext")) + " -enc UTF-8 " +
                                    shell_quote(file.string()) + " - 2>/dev/null");
    if (result.exit_code != 0) throw std::runtime_error("pdftotext failed:\n" + result.output);
    return result.output;
}

int pdf_pages(const std::string& pdf) {
    TempDir dir;
    const auto file = dir.path() / "in.pdf";
    write_file(file, pdf);
    const auto result =
        run_command(shell_quote(tool("pdfinfo")) + " " + shell_quote(file.string()));
    if (result.exit_code != 0) throw std::runtime_error("pdfinfo failed:\n" + result.output);
    std::smatch match;
    if (!std::regex_search(result.output, match, std::regex(R"(Pages:\s+(\d+))")))
        throw std::runtime_error("pdfinfo: no page count in\n" + result.output);
    return std::stoi(match[1]);
}

std::string pdf_fonts(const std::string& pdf) {
    TempDir dir;
    const auto file = dir.path() / "in.pdf";
    write_file(file, pdf);
    const auto result =
        run_command(shell_quote(tool("pdffonts")) + " " + shell_quote(file.string()));
    if (result.exit_code != 0) throw std::runtime_error("pdffonts failed:\n" + result.output);
    return result.output;
}

namespace {

// The value of name="…" in the tag that starts at `tag`.
std::string attribute_of(const std::string& text, std::size_t tag, const std::string& name) {
    auto tag_end = text.find('>', tag);
    auto key = text.find(" " + name + "=\"", tag);
    if (key == std::string::npos || key > tag_end)
        throw std::runtime_error("pdftotext -bbox: no " + name + " in " +
                                 text.substr(tag, tag_end - tag));
    auto value = key + name.size() + 3;
    return text.substr(value, text.find('"', value) - value);
}

}  // namespace

PageBoxes pdf_word_boxes(const std::string& pdf) {
    TempDir dir;
    const auto file = dir.path() / "in.pdf";
    const auto html = dir.path() / "out.html";
    write_file(file, pdf);
    const auto result = run_command(shell_quote(tool("pdftotext")) + " -bbox -enc UTF-8 " +
                                    shell_quote(file.string()) + " " + shell_quote(html.string()));
    if (result.exit_code != 0)
        throw std::runtime_error("pdftotext -bbox failed:\n" + result.output);
    const std::string text = read_file(html);
    // A scan, not std::regex: libstdc++'s regex recurses once per character matched, which
    // overflows the stack on a long document under AddressSanitizer.
    PageBoxes boxes;
    int page = 0;
    for (std::size_t at = text.find('<'); at != std::string::npos; at = text.find('<', at + 1)) {
        if (text.compare(at, 6, "<page ") == 0) {
            ++page;
            boxes.width = std::stod(attribute_of(text, at, "width"));
            boxes.height = std::stod(attribute_of(text, at, "height"));
        } else if (text.compare(at, 6, "<word ") == 0) {
            auto open_end = text.find('>', at);
            auto close = text.find("</word>", open_end);
            if (open_end == std::string::npos || close == std::string::npos) break;
            boxes.words.push_back({text.substr(open_end + 1, close - open_end - 1), page,
                                   std::stod(attribute_of(text, at, "xMin")),
                                   std::stod(attribute_of(text, at, "yMin")),
                                   std::stod(attribute_of(text, at, "xMax")),
                                   std::stod(attribute_of(text, at, "yMax"))});
        }
    }
    return boxes;
}

std::string pdf_first_page_png(const std::string& pdf, int dpi) {
    TempDir dir;
    const auto file = dir.path() / "in.pdf";
    write_file(file, pdf);
    const auto prefix = dir.path() / "page";
    const auto result =
        run_command(shell_quote(tool("pdftoppm")) + " -png -r " + std::to_string(dpi) +
                    " -f 1 -l 1 -singlefile " + shell_quote(file.string()) + " " +
                    shell_quote(prefix.string()));
    if (result.exit_code != 0) throw std::runtime_error("pdftoppm failed:\n" + result.output);
    return read_file(dir.path() / "page.png");
}

std::string joined(std::string text) {
    std::erase(text, '\n');
    return text;
}

}  // namespace shido::testing
