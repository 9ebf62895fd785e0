// Reading a Word file's text, as the policy check does with a company's existing policy: our own
// .docx export read back, a file written by python3-docx (what Word-like programs write), and the
// files that are not what they claim.
#include "exports/office/docx_reader.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "exports/policy/policy_exports.hpp"
#include "support/tools.hpp"

namespace shido::testing {
namespace {

std::string docx_refusal_of(const std::string& bytes) {
    try {
        (void)exports::office::read_docx_text(bytes);
    } catch (const core::DomainError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::validation);
        return e.what();
    }
    return "(accepted)";
}

// A file made by Debian's python: `script` writes it to sys.argv[1].
std::string docx_made_by_python(const std::string& script) {
    TempDir dir;
    auto file = dir.path() / "made.docx";
    auto result = run_command("/usr/bin/python3 -c " + shell_quote(script) + " " +
                              shell_quote(file.string()));
    EXPECT_EQ(result.exit_code, 0) << result.output;
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

TEST(DocxReader, ReadsOurOwnExportBackParagraphByParagraph) {
    core::policy::PolicyPrint p;
    p.title = "情報セキュリティ基本方針";
    p.preamble = "株式会社見本（以下、当社）は、情報資産を守ります。";
    p.articles = {{"1. 経営者の責任", "当社は、経営者主導で改善に努めます。"},
                  {"2. 社内体制の整備", "組織を設置します。\n規則として定めます。"}};
    p.established_line = "制定日: 2026年12月1日";
    p.company_name = "株式会社見本";
    p.representative_line = "代表取締役 見本 太郎";
    p.version_number = 1;
    auto text = exports::office::read_docx_text(exports::render_policy_docx(p));
    EXPECT_NE(text.find("情報セキュリティ基本方針\n"), std::string::npos) << text;
    EXPECT_NE(text.find("1. 経営者の責任\n当社は、経営者主導で改善に努めます。"), std::string::npos)
        << text;
    EXPECT_NE(text.find("組織を設置します。"), std::string::npos) << text;
    EXPECT_NE(text.find("代表取締役 見本 太郎"), std::string::npos) << text;
}

TEST(DocxReader, ReadsWhatPythonDocxWritesIncludingTablesButNotDeletedText) {
    auto bytes = docx_made_by_python(
        "import sys, docx\n"
        "d = docx.Document()\n"
        "d.add_paragraph('情報セキュリティ基本方針')\n"
        "d.add_paragraph('5.違反及び事故への対応')\n"
        "t = d.add_table(rows=1, cols=2)\n"
        "t.cell(0, 0).text = '制定日'\n"
        "t.cell(0, 1).text = '2026年4月1日'\n"
        "d.save(sys.argv[1])\n");
    auto text = exports::office::read_docx_text(bytes);
    EXPECT_NE(text.find("情報セキュリティ基本方針\n5.違反及び事故への対応"), std::string::npos)
        << text;
    EXPECT_NE(text.find("制定日\n2026年4月1日"), std::string::npos) << text;
}

TEST(DocxReader, RefusesWhatIsNotAWordFile) {
    EXPECT_NE(docx_refusal_of("%PDF-1.7\n1 0 obj").find("Word ファイル (.docx) ではありません"),
              std::string::npos);
    EXPECT_NE(docx_refusal_of("").find("ではありません"), std::string::npos);
    auto workbook = docx_made_by_python(
        "import sys,zipfile\nwith zipfile.ZipFile(sys.argv[1],'w') as z: "
        "z.writestr('xl/workbook.xml','<workbook/>')");
    EXPECT_NE(docx_refusal_of(workbook).find("Word ファイル (.docx) ではありません"),
              std::string::npos);
    auto broken = docx_made_by_python(
        "import sys,zipfile\nwith zipfile.ZipFile(sys.argv[1],'w') as z: "
        "z.writestr('word/document.xml','<w:document><w:body><w:p>')");
    EXPECT_NE(docx_refusal_of(broken).find("壊れているか"), std::string::npos);
}

TEST(DocxReader, RefusesAZipBombAndEntities) {
    auto bomb = docx_made_by_python(
        "import sys,zipfile\nwith zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED) as z:\n"
        " z.writestr('word/document.xml', b'\\0' * 30_000_000)");
    EXPECT_LT(bomb.size(), 100'000u);
    EXPECT_NE(docx_refusal_of(bomb).find("上限"), std::string::npos);
    auto entities = docx_made_by_python(
        "import sys,zipfile\nwith zipfile.ZipFile(sys.argv[1],'w') as z:\n"
        " z.writestr('word/document.xml','<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a "
        "\"aaaa\">]><w:document><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body>"
        "</w:document>')");
    EXPECT_NE(docx_refusal_of(entities).find("壊れているか"), std::string::npos);
}

}  // namespace
}  // namespace shido::testing
