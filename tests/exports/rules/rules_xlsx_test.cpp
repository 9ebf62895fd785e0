// 様式2 as .xlsx: written with libxlsxwriter, read back with our own reader (libzip + expat) and
// the core import: a round trip keeps every field; the reader refuses what is not a workbook
// or would cost too much to open.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/rules/rules_import.hpp"
#include "exports/office/xlsx_reader.hpp"
#include "exports/rules/rules_xlsx.hpp"
#include "support/tools.hpp"

namespace shido::exports {
namespace {

using core::rules::ReviewResult;

core::rules::RulesDocument rules_document() {
    core::rules::RulesDocument d;
    d.title = "【様式2】関連規程類の点検結果シート";
    d.sheet_name = "様式2";
    d.company_name = "株式会社サンプル製作所";
    d.generated_on = "2027-01-15";
    d.edition_title = "情報セキュリティ関連規程（サンプル）";
    d.choice_note = "※今回の見直しは、以下の選択肢から選んでください。";
    d.upkeep_note = "規程は作るだけでなく運用することが大切です。";
    d.headers = {"No.",
                 "関連規程 / ガイド類",
                 "概要",
                 "今回の見直し（プルダウンメニューで選択）",
                 "作成・改定する内容",
                 "担当",
                 "期限",
                 "運用・教育（定着のさせ方）"};
    d.result_labels = {"新規に作成した（作成予定）", "既存のものを見直し改定した（改定予定）",
                       "特に対応無しと判断した（既存のまま）", "当面は作成の必要なしと判断した"};
    d.rows = {
        {1, "組織的対策", "管理体制のルール", d.result_labels[0], "=委員会規程を作る", "総務 山田",
         "2027-03-31", "年1回\n全員研修"},
        {2, "人的対策", "責務のルール", "", "", "", "", ""},
        {3, "ＩＴ機器利用", "機器のルール", d.result_labels[3], "＠メモ", "", "", "-"},
    };
    return d;
}

core::rules::ImportForm form_of(const core::rules::RulesDocument& d) {
    core::rules::ImportForm form;
    form.regulations_id = "ipa-3.1";
    form.headers = d.headers;
    for (const auto& r : d.rows) form.category_names.push_back(r.category);
    form.result_labels = d.result_labels;
    return form;
}

std::string refusal_of(const std::string& bytes) {
    try {
        (void)office::read_xlsx_cells(bytes);
    } catch (const core::DomainError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::validation);
        return e.what();
    }
    return "(accepted)";
}

std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// A file made by Debian's python (zipfile): `script` writes it to sys.argv[1].
std::string python_made(const std::string& script) {
    testing::TempDir dir;
    auto file = dir.path() / "made.xlsx";
    auto result = testing::run_command("/usr/bin/python3 -c " + testing::shell_quote(script) + " " +
                                       testing::shell_quote(file.string()));
    EXPECT_EQ(result.exit_code, 0) << result.output;
    return read_bytes(file);
}

TEST(RulesXlsx, RoundTripThroughOurReaderKeepsEveryField) {
    auto d = rules_document();
    auto bytes = write_rules_xlsx(d);
    auto cells = office::read_xlsx_cells(bytes);
    auto out = core::rules::read_rules_rows(cells, form_of(d));
    ASSERT_TRUE(out.errors.empty())
        << out.errors[0].row << out.errors[0].column << out.errors[0].message;
    ASSERT_EQ(out.rows.size(), 3u);
    EXPECT_EQ(out.rows[0].result, ReviewResult::new_rule);
    EXPECT_EQ(out.rows[0].content, "=委員会規程を作る");  // guarded in the file, not in the data
    EXPECT_EQ(out.rows[0].assignee, "総務 山田");
    EXPECT_EQ(out.rows[0].due_date, "2027-03-31");
    EXPECT_EQ(out.rows[0].upkeep, "年1回\n全員研修");
    EXPECT_FALSE(out.rows[1].result);
    EXPECT_EQ(out.rows[2].result, ReviewResult::not_needed);
    EXPECT_EQ(out.rows[2].content, "＠メモ");
    EXPECT_EQ(out.rows[2].upkeep, "-");
}

TEST(RulesXlsx, TextThatLooksLikeAFormulaIsNeutralisedInTheFile) {
    auto cells = office::read_xlsx_cells(write_rules_xlsx(rules_document()));
    bool seen = false;
    for (const auto& c : cells.cells) {
        EXPECT_NE(c.kind, core::office::CellKind::formula);
        if (c.row == core::rules::rules_header_row + 1 && c.column == 5) {
            EXPECT_EQ(c.value, "'=委員会規程を作る");
            seen = true;
        }
    }
    EXPECT_TRUE(seen);
}

TEST(RulesXlsxReader, RefusesWhatIsNotAWorkbook) {
    EXPECT_NE(refusal_of("%PDF-1.7\n%âãÏÓ\n1 0 obj").find("Excel ファイル (.xlsx) ではありません"),
              std::string::npos);
    EXPECT_NE(refusal_of("").find("ではありません"), std::string::npos);
    auto bytes = write_rules_xlsx(rules_document());
    auto truncated = bytes.substr(0, bytes.size() / 2);
    EXPECT_NE(refusal_of(truncated), "(accepted)");
    auto zip_of_text = python_made(
        "import sys,zipfile\nwith zipfile.ZipFile(sys.argv[1],'w') as z: z.writestr('a.txt','x')");
    EXPECT_NE(refusal_of(zip_of_text).find("Excel"), std::string::npos);
}

TEST(RulesXlsxReader, RefusesAZipBombBeforeInflatingIt) {
    auto bomb = python_made(
        "import sys,zipfile\nwith zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED) as z:\n"
        " z.writestr('xl/worksheets/sheet1.xml', b'\\0' * 30_000_000)");
    EXPECT_LT(bomb.size(), 100'000u);
    EXPECT_NE(refusal_of(bomb).find("上限"), std::string::npos);
}

TEST(RulesXlsxReader, DoesNotTrustTheDeclaredSize) {
    // The same bomb, its headers claiming 1,000 bytes: only what inflating yields counts.
    auto liar = python_made(
        "import sys,zipfile,struct\n"
        "with zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED) as z:\n"
        " z.writestr('xl/workbook.xml', '<workbook/>')\n"
        " z.writestr('xl/worksheets/sheet1.xml', b' ' * 30_000_000)\n"
        "b=bytearray(open(sys.argv[1],'rb').read())\n"
        "name=b'xl/worksheets/sheet1.xml'\n"
        "i=b.find(b'PK\\x03\\x04'+b'\\x14', 0)\n"
        "i=b.find(b'PK\\x03\\x04', i+4)\n"
        "struct.pack_into('<I', b, i+22, 1000)\n"
        "j=b.rfind(b'PK\\x01\\x02')\n"
        "struct.pack_into('<I', b, j+24, 1000)\n"
        "open(sys.argv[1],'wb').write(b)");
    EXPECT_NE(refusal_of(liar), "(accepted)");
}

TEST(RulesXlsxReader, RefusesADocumentTypeDeclaration) {
    auto entities = python_made(
        "import sys,zipfile\nwith zipfile.ZipFile(sys.argv[1],'w') as z:\n"
        " z.writestr('xl/workbook.xml','<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]>"
        "<workbook><sheets><sheet r:id=\"rId1\"/></sheets></workbook>')");
    EXPECT_NE(refusal_of(entities).find("壊れているか"), std::string::npos);
}

}  // namespace
}  // namespace shido::exports
