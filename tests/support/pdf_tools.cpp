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
    PageBoxes boxes;
    const std::regex page_re(R"re(<page width="([\d.]+)" height="([\d.]+)">)re");
    const std::regex word_re(
        R"re(<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)</word>)re");
    int page = 0;
    // Walk pages in order; words belong to the last page tag before them.
    std::vector<std::pair<std::size_t, int>> page_starts;
    for (std::sregex_iterator it(text.begin(), text.end(), page_re), end; it != end; ++it) {
        boxes.width = std::stod((*it)[1]);
        boxes.height = std::stod((*it)[2]);
        page_starts.emplace_back(static_cast<std::size_t>(it->position()), ++page);
    }
    for (std::sregex_iterator it(text.begin(), text.end(), word_re), end; it != end; ++it) {
        const auto position = static_cast<std::size_t>(it->position());
        int word_page = 0;
        for (const auto& [start, number] : page_starts)
            if (start < position) word_page = number;
        boxes.words.push_back({(*it)[5], word_page, std::stod((*it)[1]), std::stod((*it)[2]),
                               std::stod((*it)[3]), std::stod((*it)[4])});
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
