#include <gtest/gtest.h>

#include "exports/cell_text.hpp"

namespace shido::exports {
namespace {

TEST(NeutraliseCell, PrefixesEveryFormulaStart) {
    EXPECT_EQ(neutralise_cell("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
    EXPECT_EQ(neutralise_cell("+81-3-1234"), "'+81-3-1234");
    EXPECT_EQ(neutralise_cell("-鈴木"), "'-鈴木");
    EXPECT_EQ(neutralise_cell("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(neutralise_cell("\t=1+1"), "'\t=1+1");
    EXPECT_EQ(neutralise_cell("\r=1+1"), "'\r=1+1");
    EXPECT_EQ(neutralise_cell("="), "'=");
}

TEST(NeutraliseCell, PrefixesFullWidthFormulaStarts) {
    EXPECT_EQ(neutralise_cell("＝SUM(A1)"), "'＝SUM(A1)");
    EXPECT_EQ(neutralise_cell("＋1"), "'＋1");
    EXPECT_EQ(neutralise_cell("－なし－"), "'－なし－");
    EXPECT_EQ(neutralise_cell("＠営業"), "'＠営業");
}

TEST(NeutraliseCell, LeavesOtherTextAlone) {
    EXPECT_EQ(neutralise_cell(""), "");
    EXPECT_EQ(neutralise_cell("株式会社サンプル"), "株式会社サンプル");
    EXPECT_EQ(neutralise_cell("a=b+c"), "a=b+c");
    EXPECT_EQ(neutralise_cell(" =1"), " =1");
    EXPECT_EQ(neutralise_cell("'quoted"), "'quoted");
    EXPECT_EQ(neutralise_cell("ー長音"), "ー長音");  // U+30FC is not a minus
    EXPECT_EQ(neutralise_cell("\n=1"), "\n=1");
}

TEST(ValidUtf8, KeepsValidTextAndReplacesInvalidBytes) {
    EXPECT_EQ(valid_utf8("自社診断 ok"), "自社診断 ok");
    EXPECT_EQ(valid_utf8("a\xFF"
                         "b"),
              "a\xEF\xBF\xBD"
              "b");
    EXPECT_EQ(valid_utf8("\xE8\x87"), "\xEF\xBF\xBD\xEF\xBF\xBD");       // cut sequence
    EXPECT_EQ(valid_utf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");       // overlong '/'
    EXPECT_EQ(valid_utf8("\xED\xA0\x80").substr(0, 3), "\xEF\xBF\xBD");  // surrogate
    EXPECT_EQ(valid_utf8("\xF0\x9F\x98\x80"), "\xF0\x9F\x98\x80");       // emoji stays
}

TEST(TruncateUtf8, CutsAtCharacterBoundaries) {
    EXPECT_EQ(truncate_utf8("自社診断", 2), "自社");
    EXPECT_EQ(truncate_utf8("abc", 5), "abc");
    EXPECT_EQ(truncate_utf8("a自b", 2), "a自");
    EXPECT_EQ(truncate_utf8("", 0), "");
}

}  // namespace
}  // namespace shido::exports
