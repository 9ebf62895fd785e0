#include "core/text/utf8.hpp"

#include <gtest/gtest.h>

namespace shido::core {
namespace {

TEST(Utf8, AcceptsWellFormedTextOfEveryLength) {
    EXPECT_TRUE(is_valid_utf8(""));
    EXPECT_TRUE(is_valid_utf8("abc"));
    EXPECT_TRUE(is_valid_utf8("株式会社サンプル製作所"));
    EXPECT_TRUE(is_valid_utf8("\xC2\x80"));          // U+0080
    EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));      // U+D7FF, the last before the surrogates
    EXPECT_TRUE(is_valid_utf8("\xEE\x80\x80"));      // U+E000, the first after them
    EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));  // 😀
    EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
}

TEST(Utf8, RejectsOverlongForms) {
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));  // "/" in two bytes
    EXPECT_FALSE(is_valid_utf8("\xC1\xBF"));
    EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // "/" in three bytes
    EXPECT_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));  // "/" in four bytes
}

TEST(Utf8, RejectsSurrogatesAndCodePointsAboveTheLast) {
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // U+D800
    EXPECT_FALSE(is_valid_utf8("\xED\xBF\xBF"));      // U+DFFF
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
    EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
    EXPECT_FALSE(is_valid_utf8("\xFF"));
}

TEST(Utf8, RejectsTruncatedAndStrayBytes) {
    EXPECT_FALSE(is_valid_utf8("\xE6\xA0"));  // 株 without its last byte
    EXPECT_FALSE(is_valid_utf8("a\x80"));     // a continuation byte alone
    EXPECT_FALSE(is_valid_utf8("\xE6\xA0\xAA\xAA"));
}

TEST(Utf8, FindsControlCharactersIncludingC1) {
    EXPECT_FALSE(has_control_characters("製作 太郎"));
    EXPECT_TRUE(has_control_characters("a\tb"));
    EXPECT_TRUE(has_control_characters("a\nb"));
    // Paragraphs keep their line breaks and tabs, and nothing else.
    EXPECT_FALSE(has_controls_beyond_line_breaks("一行目\r\n二行目\n\t三行目"));
    EXPECT_TRUE(has_controls_beyond_line_breaks("a\x1b[31mb"));
    EXPECT_TRUE(has_controls_beyond_line_breaks("a\x7f"));
    EXPECT_TRUE(
        has_controls_beyond_line_breaks("a\xc2\x85"
                                        "b"));
    EXPECT_TRUE(has_control_characters(std::string_view("a\0b", 3)));
    EXPECT_TRUE(has_control_characters("\x7F"));
    EXPECT_TRUE(has_control_characters("\xC2\x85"));   // NEL, U+0085
    EXPECT_FALSE(has_control_characters("\xC2\xA0"));  // NO-BREAK SPACE is not a control
}

TEST(Utf8, CountsCodePoints) {
    EXPECT_EQ(utf8_length(""), 0u);
    EXPECT_EQ(utf8_length("abc"), 3u);
    EXPECT_EQ(utf8_length("株式会社"), 4u);
    EXPECT_EQ(utf8_length("\xF0\x9F\x98\x80"), 1u);
}

}  // namespace
}  // namespace shido::core
