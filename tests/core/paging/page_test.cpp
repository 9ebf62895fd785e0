#include "core/paging/page.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace shido::core {
namespace {

using Parts = std::vector<std::string>;

bool url_safe(const std::string& text) {
    for (char c : text) {
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

// The field and code of the error `action` throws; fails the test when it throws none.
void expect_bad_after(const std::function<void()>& action, const std::string& what) {
    try {
        action();
        ADD_FAILURE() << what << ": no error";
    } catch (const DomainError& e) {
        EXPECT_EQ(e.code(), ErrorCode::validation) << what;
        EXPECT_EQ(e.fields().size(), 1u) << what;
        EXPECT_TRUE(e.fields().count("after")) << what;
    }
}

TEST(Cursor, RoundTripsAnyText) {
    const Parts cases[] = {
        {"42"},
        {"9223372036854775807"},
        {"company", "Acme Ltd.", "17"},
        {"株式会社サンプル製作所", "3"},
        {"𠮷野家（つちよし）", "1"},  // a character outside the BMP
        {"", "5"},
        {"a", "", "b"},
        {"", ""},
        {"a/b+c=d", "?&#%", "1"},  // what a query string or base64 would otherwise mangle
        {",;|:\t", " ", "2"},      // separator-like characters inside a part
        {"100%商事", "100_商事", "100\\商事"},
        {std::string(300, 'x'), "7"},
    };
    for (const auto& parts : cases) {
        auto cursor = encode_cursor(parts);
        EXPECT_TRUE(url_safe(cursor)) << cursor;
        auto decoded = decode_cursor(cursor, parts.size());
        ASSERT_TRUE(decoded) << cursor;
        EXPECT_EQ(*decoded, parts);
        EXPECT_EQ(cursor_parts(cursor, parts.size()), parts);
    }
}

TEST(Cursor, EqualPartsGiveEqualCursorsAndDifferentPartsDifferentOnes) {
    EXPECT_EQ(encode_cursor({"a", "1"}), encode_cursor({"a", "1"}));
    EXPECT_NE(encode_cursor({"a", "1"}), encode_cursor({"a", "2"}));
    EXPECT_NE(encode_cursor({"ab", "1"}), encode_cursor({"a", "b1"}));  // parts stay apart
}

TEST(Cursor, WrongNumberOfPartsIsRejected) {
    auto two = encode_cursor({"name", "12"});
    EXPECT_FALSE(decode_cursor(two, 1));
    EXPECT_FALSE(decode_cursor(two, 3));
    auto one = encode_cursor({"12"});
    EXPECT_FALSE(decode_cursor(one, 2));
}

TEST(Cursor, GarbageIsRejected) {
    for (std::string text :
         {"", "!!!", "a b", "YQ==", "ab+c", "ab/c", "あいう", "abc.def", "%41%42", "\x01\x02"}) {
        EXPECT_FALSE(decode_cursor(text, 1)) << text;
        EXPECT_FALSE(decode_cursor(text, 2)) << text;
    }
}

TEST(Cursor, TamperedCursorsAreRejected) {
    auto cursor = encode_cursor({"株式会社サンプル製作所", "3"});
    auto starred = cursor;
    starred[cursor.size() / 2] = '*';
    EXPECT_FALSE(decode_cursor(starred, 2));
    EXPECT_FALSE(decode_cursor(cursor + "=", 2));
    EXPECT_FALSE(decode_cursor(" " + cursor, 2));
    // Still a cursor of two parts, but its id part is no number any more.
    auto id_part = cursor_parts(encode_cursor({"株式会社サンプル製作所", "3x"}), 2)[1];
    expect_bad_after([&] { cursor_id(id_part); }, "3x");
}

TEST(Cursor, OversizedCursorsAreRejected) {
    // "764:" and 764 bytes are 768 bytes, which encode to exactly 1024 characters, the longest
    // cursor accepted.
    auto longest = encode_cursor({std::string(764, 'a')});
    ASSERT_EQ(longest.size(), 1024u);
    EXPECT_TRUE(decode_cursor(longest, 1));
    auto too_long = encode_cursor({std::string(765, 'a')});
    EXPECT_GT(too_long.size(), 1024u);
    EXPECT_FALSE(decode_cursor(too_long, 1));
    EXPECT_FALSE(decode_cursor(std::string(100000, 'A'), 1));
    expect_bad_after([&] { cursor_parts(too_long, 1); }, "too long");
}

TEST(Cursor, PartsMayHoldAnyBytesAndBeEmpty) {
    const Parts parts{"",
                      std::string("a\x1f"
                                  "b:7:"),
                      "3"};
    EXPECT_EQ(decode_cursor(encode_cursor(parts), 3), parts);
    EXPECT_EQ(decode_cursor(encode_cursor({""}), 1), Parts{""});
}

TEST(PageSize, KeepsTheLimitWithinOneAndTwoHundred) {
    EXPECT_EQ(page_size({std::nullopt, 0}), 1);
    EXPECT_EQ(page_size({std::nullopt, -5}), 1);
    EXPECT_EQ(page_size({std::nullopt, 50}), 50);
    EXPECT_EQ(page_size({std::nullopt, 10000}), max_page_size);
}

TEST(CursorParts, BadCursorIsAValidationErrorOnAfter) {
    expect_bad_after([] { cursor_parts("", 1); }, "empty");
    expect_bad_after([] { cursor_parts("!!!", 1); }, "garbage");
    expect_bad_after([] { cursor_parts(encode_cursor({"a", "1"}), 1); }, "too many parts");
    expect_bad_after([] { cursor_parts(encode_cursor({"1"}), 3); }, "too few parts");
}

TEST(CursorId, AcceptsPositiveIds) {
    EXPECT_EQ(cursor_id("1"), 1);
    EXPECT_EQ(cursor_id("42"), 42);
    EXPECT_EQ(cursor_id("9223372036854775807"), 9223372036854775807LL);
}

TEST(CursorId, AnythingButAPositiveIdIsAValidationErrorOnAfter) {
    for (std::string part : {"", "0", "-1", "+1", " 1", "1 ", "1.5", "12a", "abc", "0x10",
                             "99999999999999999999", "１２"}) {
        expect_bad_after([&] { cursor_id(part); }, "'" + part + "'");
    }
}

TEST(PageRequest, Defaults) {
    PageRequest page;
    EXPECT_FALSE(page.after);
    EXPECT_EQ(page.limit, default_page_size);
    EXPECT_EQ(default_page_size, 50);
    EXPECT_EQ(max_page_size, 200);
    Page<int> empty;
    EXPECT_TRUE(empty.items.empty());
    EXPECT_EQ(empty.total, 0);
    EXPECT_FALSE(empty.next_after);
}

}  // namespace
}  // namespace shido::core
