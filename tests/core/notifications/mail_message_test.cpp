#include "core/notifications/mail_message.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace shido::core {
namespace {

MailMessage sample_mail() {
    return MailMessage{
        "shido@example.jp",     "expert1@example.jp",   "専門家の割り当て：株式会社サンプル製作所",
        "本文です。\n二行目。", "<abc123@shido.local>", 1'796'000'000};
}

// Decodes one "=?UTF-8?B?…?=" word (test helper: the reverse of base64_encode).
std::string decode_word(const std::string& word) {
    static const std::string base64_alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string b64 = word.substr(10, word.size() - 12), out;
    unsigned buffer = 0;
    int bits = 0;
    for (char ch : b64) {
        if (ch == '=') break;
        buffer = (buffer << 6) | static_cast<unsigned>(base64_alphabet.find(ch));
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    return out;
}

TEST(MailMessage, Base64MatchesRfc4648Vectors) {
    EXPECT_EQ(base64_encode(""), "");
    EXPECT_EQ(base64_encode("f"), "Zg==");
    EXPECT_EQ(base64_encode("fo"), "Zm8=");
    EXPECT_EQ(base64_encode("foo"), "Zm9v");
    EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
}

TEST(MailMessage, SubjectIsEncodedInWordsOfAtMost75CharactersAtCharacterBoundaries) {
    std::string subject;
    for (int i = 0; i < 40; ++i) subject += "指導";  // 240 bytes of UTF-8
    auto encoded = encode_header_text(subject);
    std::string decoded;
    std::size_t start = 0;
    while (start < encoded.size()) {
        auto end = encoded.find("\r\n ", start);
        if (end == std::string::npos) end = encoded.size();
        auto word = encoded.substr(start, end - start);
        EXPECT_LE(word.size(), 75u);
        ASSERT_EQ(word.rfind("=?UTF-8?B?", 0), 0u) << word;
        auto part = decode_word(word);
        EXPECT_EQ(part.size() % 3, 0u) << "a word ends inside a character";
        decoded += part;
        start = end + 3;
    }
    EXPECT_EQ(decoded, subject);
    EXPECT_EQ(encode_header_text("Plain ASCII"), "Plain ASCII");
}

TEST(MailMessage, RendersMimeHeadersAndBase64Body) {
    auto text = render_mail(sample_mail());
    EXPECT_NE(text.find("From: shido@example.jp\r\n"), std::string::npos);
    EXPECT_NE(text.find("To: expert1@example.jp\r\n"), std::string::npos);
    EXPECT_NE(text.find("Subject: =?UTF-8?B?"), std::string::npos);
    EXPECT_NE(text.find("Message-ID: <abc123@shido.local>\r\n"), std::string::npos);
    EXPECT_NE(text.find("MIME-Version: 1.0\r\n"), std::string::npos);
    EXPECT_NE(text.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
    EXPECT_NE(text.find("Content-Transfer-Encoding: base64\r\n"), std::string::npos);
    EXPECT_NE(text.find(base64_encode("本文です。\r\n二行目。\r\n")), std::string::npos);
    // Only CRLF line ends, no bare LF.
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
            EXPECT_EQ(text[i - 1], '\r');
        }
    }
}

TEST(MailMessage, DateIsRfc5322InJapanTime) {
    // 2026-12-01 15:00:00 UTC is 2026-12-02 00:00 in Japan, a Wednesday.
    EXPECT_EQ(format_mail_date(1'796'137'200), "Wed, 02 Dec 2026 00:00:00 +0900");
}

TEST(MailMessage, RefusesHeaderInjection) {
    auto with = [](auto change) {
        auto m = sample_mail();
        change(m);
        try {
            render_mail(m);
        } catch (const DomainError& e) {
            return e.code() == ErrorCode::validation;
        }
        return false;
    };
    EXPECT_TRUE(with([](MailMessage& m) { m.subject = "件名\r\nBcc: victim@example.jp"; }));
    EXPECT_TRUE(with([](MailMessage& m) { m.subject = "件名\nX: y"; }));
    EXPECT_TRUE(with([](MailMessage& m) { m.to = "a@example.jp\r\nBcc: b@example.jp"; }));
    EXPECT_TRUE(with([](MailMessage& m) { m.to = "a@example.jp, b@example.jp"; }));
    EXPECT_TRUE(with([](MailMessage& m) { m.to = "<a@example.jp>"; }));
    EXPECT_TRUE(with([](MailMessage& m) { m.from = "no-at-sign"; }));
    EXPECT_TRUE(with([](MailMessage& m) { m.message_id = "<x@y>\r\nBcc: z@example.jp"; }));
    EXPECT_FALSE(with([](MailMessage&) {}));
    EXPECT_TRUE(is_plain_address("first.last+tag@example.co.jp"));
    EXPECT_FALSE(is_plain_address("a b@example.jp"));
}

}  // namespace
}  // namespace shido::core
