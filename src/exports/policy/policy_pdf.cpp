#include "exports/pdf_layout.hpp"
#include "exports/policy/policy_exports.hpp"

namespace shido::exports {

namespace {

using pdf::Align;
using pdf::TextStyle;

constexpr TextStyle policy_title_style{
    .size = 18, .colour = {0.1, 0.1, 0.1}, .align = Align::centre, .line_spacing = 1.3};
constexpr TextStyle policy_body_style{.size = 10.5, .line_spacing = 1.7};
constexpr TextStyle policy_heading_style{.size = 11.5, .line_spacing = 1.5};
constexpr TextStyle policy_footer_style{.size = 10.5, .align = Align::right, .line_spacing = 1.6};

}  // namespace

std::string render_policy_pdf(const core::policy::PolicyPrint& p) {
    pdf::PageSetup setup;
    setup.title = p.title + " " + p.company_name;
    setup.footer_left = p.company_name + "　" + p.title;
    setup.margin_left = setup.margin_right = 70;
    return pdf::render(setup, [&](pdf::Document& doc) {
        doc.paragraph(p.title, policy_title_style, 0, 20);
        doc.paragraph(p.preamble, policy_body_style, 0, 14);
        for (const auto& a : p.articles) {
            doc.ensure(60);  // a heading is kept with the start of its text
            doc.paragraph(a.heading, policy_heading_style, 0, 2);
            doc.paragraph(a.text, policy_body_style, 12, 12);
        }
        doc.advance(12);
        doc.ensure(70);
        doc.paragraph(p.established_line, policy_footer_style, 0, 0);
        doc.paragraph(p.company_name, policy_footer_style, 0, 0);
        doc.paragraph(p.representative_line, policy_footer_style, 0, 0);
    });
}

}  // namespace shido::exports
