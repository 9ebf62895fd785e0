#include "exports/markup_escape.hpp"

#include <gtest/gtest.h>

namespace shido::exports {
namespace {

TEST(MarkupEscape, EscapesTheFiveSpecialCharacters) {
    EXPECT_EQ(escape_markup(R"(<script>alert("x") & 'y'</script>)"),
              "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;");
}

TEST(MarkupEscape, KeepsJapaneseTabsAndLineFeedsAndDropsWhatXmlForbids) {
    EXPECT_EQ(escape_markup("株式会社\t見本\n第1条"), "株式会社\t見本\n第1条");
    EXPECT_EQ(escape_markup(std::string("a\x01"
                                        "b\x1f"
                                        "c\r",
                                        6)),
              "abc");
}

}  // namespace
}  // namespace shido::exports
