// The basic policy's exports opened with the tools people's programs use: the PDF's text and
// embedded Japanese font (poppler), the .docx read back by python3-docx, and the web page
// with everything a person wrote escaped.
#include "exports/policy/policy_exports.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "support/pdf_tools.hpp"
#include "support/tools.hpp"

namespace shido::testing {
namespace {

core::policy::PolicyPrint policy_export_print(const std::string& company) {
    core::policy::PolicyPrint p;
    p.title = "情報セキュリティ基本方針";
    p.preamble =
        company + "（以下、当社）は、当社の情報資産を事故・災害・犯罪などの脅威から守ります。";
    p.articles = {{"1. 経営者の責任", "当社は、経営者主導で情報セキュリティの改善に努めます。"},
                  {"2. 社内体制の整備", "当社は、組織を設置します。\n規則として定めます。"}};
    p.established_line = "制定日: 2025年4月1日";
    p.company_name = company;
    p.representative_line = "代表取締役社長 山田 太郎";
    p.version_number = 3;
    return p;
}

TEST(PolicyExports, ThePdfHoldsTheTextAndEmbedsAJapaneseFont) {
    auto pdf = exports::render_policy_pdf(policy_export_print("株式会社テスト"));
    auto text = joined(pdf_text(pdf));
    EXPECT_NE(text.find("情報セキュリティ基本方針"), std::string::npos);
    EXPECT_NE(text.find("2. 社内体制の整備"), std::string::npos);
    EXPECT_NE(text.find("代表取締役社長 山田 太郎"), std::string::npos);
    auto fonts = pdf_fonts(pdf);
    std::smatch match;
    ASSERT_TRUE(std::regex_search(
        fonts, match, std::regex(R"(IPAex\w+.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+)")))
        << fonts;
    EXPECT_EQ(match[1], "yes") << "the Japanese font must be embedded:\n" << fonts;
    EXPECT_EQ(pdf_pages(pdf), 1);
}

TEST(PolicyExports, TheDocxIsReadBackByPythonDocxWithItsJapaneseTextAndFont) {
    // Debian's interpreter: the one that sees python3-docx (another python3 may come first).
    const std::string python = "/usr/bin/python3";
    TempDir dir;
    auto file = dir.path() / "policy.docx";
    write_file(file, exports::render_policy_docx(policy_export_print("株式会社<テスト&商会>")));
    auto script =
        "import docx, sys\n"
        "d = docx.Document(sys.argv[1])\n"
        "for p in d.paragraphs: print(p.style.name + '|' + p.text)\n"
        "print('font|' + d.styles['Normal'].element.xpath('string(//w:rFonts/@w:eastAsia)'))\n";
    auto result =
        run_command(python + " -c " + shell_quote(script) + " " + shell_quote(file.string()));
    ASSERT_EQ(result.exit_code, 0) << result.output;
    const auto& out = result.output;
    EXPECT_NE(out.find("Title|情報セキュリティ基本方針"), std::string::npos) << out;
    EXPECT_NE(out.find("|株式会社<テスト&商会>（以下、当社）は"), std::string::npos) << out;
    EXPECT_NE(out.find("Heading 1|1. 経営者の責任"), std::string::npos) << out;
    EXPECT_NE(out.find("|規則として定めます。"), std::string::npos) << out;  // one paragraph a line
    EXPECT_NE(out.find("Signature|制定日: 2025年4月1日"), std::string::npos) << out;
    EXPECT_NE(out.find("font|IPAexMincho"), std::string::npos) << out;
}

TEST(PolicyExports, TheWebPageIsSelfContainedAndEscapesEverything) {
    auto html = exports::render_policy_html(policy_export_print("<script>alert(1)</script>"));
    EXPECT_EQ(html.find("<script>"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(html.find("<html lang=\"ja\">"), std::string::npos);
    EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
    EXPECT_NE(html.find("<style>"), std::string::npos);
    EXPECT_EQ(html.find("src="), std::string::npos);  // nothing loaded from elsewhere
    EXPECT_EQ(html.find("href="), std::string::npos);
    EXPECT_NE(html.find("組織を設置します。<br>規則として定めます。"), std::string::npos);
}

}  // namespace
}  // namespace shido::testing
