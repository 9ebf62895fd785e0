#include "core/validation.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace shido::core {
namespace {

TEST(Validation, Utf8) {
    EXPECT_TRUE(is_valid_utf8("株式会社サンプル"));
    EXPECT_TRUE(is_valid_utf8("plain ascii"));
    EXPECT_FALSE(is_valid_utf8("\xff\xfe"));
    EXPECT_FALSE(is_valid_utf8("\xe6\xa0"));  // truncated 3-byte sequence
    EXPECT_EQ(utf8_length("株式会社"), 4u);
}

TEST(Validation, Dates) {
    EXPECT_TRUE(is_valid_date("2026-12-03"));
    EXPECT_TRUE(is_valid_date("2028-02-29"));
    EXPECT_FALSE(is_valid_date("2027-02-29"));
    EXPECT_FALSE(is_valid_date("2026-13-01"));
    EXPECT_FALSE(is_valid_date("2026/12/03"));
    EXPECT_FALSE(is_valid_date("26-12-03"));
}

TEST(Validation, CollectsEveryFieldError) {
    Validator v;
    v.require_text("name", "   ", 10);
    v.email("email", "not-an-address");
    v.password("password", "short");
    v.date("date", "2026-02-30");
    v.url("website", "javascript:alert(1)");
    ASSERT_FALSE(v.ok());
    try {
        v.throw_if_failed();
        FAIL() << "expected a validation error";
    } catch (const DomainError& e) {
        EXPECT_EQ(e.code(), ErrorCode::validation);
        EXPECT_EQ(e.fields().size(), 5u);
        EXPECT_EQ(e.fields().at("name"), "入力してください。");
    }
}

TEST(Validation, WebAddressesTakeEitherSchemeInAnyCaseAndNothingElse) {
    for (const char* good :
         {"https://example.jp", "http://example.jp/a?b=1", "HTTPS://Example.jp"}) {
        Validator v;
        v.url("website", good);
        EXPECT_TRUE(v.ok()) << good;
    }
    for (const char* bad : {"javascript:alert(1)", "JavaScript:alert(1)", "https://", "ftp://x.jp",
                            "https://a b.jp", "//example.jp", " https://example.jp"}) {
        Validator v;
        v.url("website", bad);
        EXPECT_FALSE(v.ok()) << bad;
    }
}

TEST(Validation, LengthCountsCharactersNotBytes) {
    Validator ok;
    ok.require_text("name", "株株株株株株株株株株", 10);
    EXPECT_TRUE(ok.ok());
    Validator too_long;
    too_long.require_text("name", "株株株株株株株株株株株", 10);
    EXPECT_FALSE(too_long.ok());
}

TEST(Validation, RejectsControlCharacters) {
    Validator v;
    v.optional_text("name", std::string("a\x01") + "b", 10);
    EXPECT_FALSE(v.ok());
}

TEST(Validation, AcceptsScriptTagsAsPlainText) {
    // Markup is not an input error: it is stored literally and escaped where shown.
    Validator v;
    v.require_text("name", "<script>alert(1)</script>", 100);
    EXPECT_TRUE(v.ok());
}

}  // namespace
}  // namespace shido::core

#include "core/clock.hpp"

namespace shido::core {
namespace {

TEST(Clock, Iso8601AndJapanDate) {
    EXPECT_EQ(format_iso8601(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(format_iso8601(1'800'000'000), "2027-01-15T08:00:00Z");
    EXPECT_EQ(format_iso8601(951'782'399), "2000-02-28T23:59:59Z");
    EXPECT_EQ(format_iso8601(951'868'800), "2000-03-01T00:00:00Z");  // 2000 is a leap year
    // 2027-01-16 00:00 in Tokyo is 2027-01-15 15:00 UTC.
    EXPECT_EQ(date_in_japan(1'800'000'000 + 7 * 3600), "2027-01-16");
    EXPECT_EQ(date_in_japan(1'800'000'000 + 7 * 3600 - 1), "2027-01-15");
}

}  // namespace
}  // namespace shido::core

namespace shido::core {
namespace {

TEST(Validation, TrimKeepsMultiByteCharactersWhole) {
    EXPECT_EQ(trim_spaces("\u3000 さとう\t\u3000"), "さとう");
    EXPECT_EQ(trim_spaces("サポート"), "サポート");
    EXPECT_EQ(trim_spaces("\u3000\u3000"), "");
    Validator v;
    v.require_text("name", "\u3000 ", 10);
    EXPECT_FALSE(v.ok());
    Validator kana;
    kana.require_text("name", "さ", 10);
    EXPECT_TRUE(kana.ok());
}

}  // namespace
}  // namespace shido::core
