#include "exports/markup_escape.hpp"
#include "exports/policy/policy_exports.hpp"

namespace shido::exports {

namespace {

// Everything a person wrote is escaped (escape_markup): a company name like <script> is shown,
// never run.

// Paragraphs of one text: its line breaks as <br>.
std::string policy_html_lines(const std::string& text) {
    std::string out, line;
    for (char ch : text) {
        if (ch == '\r') continue;
        if (ch == '\n') {
            out += escape_markup(line) + "<br>";
            line.clear();
        } else {
            line += ch;
        }
    }
    return out + escape_markup(line);
}

// Inline, so the page is one file the company can put on its web site as it is.
const char* const policy_page_style =
    "body{margin:0;background:#f7f7f5;color:#222;font-family:'IPAexMincho','游明朝','Yu "
    "Mincho','Hiragino Mincho ProN',serif;line-height:1.9}"
    "main{max-width:46em;margin:2em auto;padding:2.5em 3em;background:#fff;border:1px solid "
    "#ddd}"
    "h1{text-align:center;font-size:1.6em;margin:0 0 1.5em}"
    "h2{font-size:1.1em;margin:1.6em 0 .3em}"
    ".article{margin:0 0 0 1em}"
    ".signature{text-align:right;margin-top:2.5em}"
    ".signature p{margin:0}"
    "@media print{body{background:#fff}main{border:0;margin:0;padding:0}}";

}  // namespace

std::string render_policy_html(const core::policy::PolicyPrint& p) {
    std::string html =
        "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>" +
        escape_markup(p.title + "｜" + p.company_name) + "</title>\n<style>" + policy_page_style +
        "</style>\n</head>\n<body>\n"
        "<main>\n<h1>" +
        escape_markup(p.title) + "</h1>\n<p>" + policy_html_lines(p.preamble) + "</p>\n";
    for (const auto& a : p.articles)
        html += "<section>\n<h2>" + escape_markup(a.heading) + "</h2>\n<p class=\"article\">" +
                policy_html_lines(a.text) + "</p>\n</section>\n";
    html += "<div class=\"signature\">\n<p>" + escape_markup(p.established_line) + "</p>\n<p>" +
            escape_markup(p.company_name) + "</p>\n<p>" + escape_markup(p.representative_line) +
            "</p>\n</div>\n</main>\n</body>\n</html>\n";
    return html;
}

}  // namespace shido::exports
