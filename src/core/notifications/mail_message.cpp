#include "core/notifications/mail_message.hpp"

#include "core/calendar/civil_date.hpp"
#include "core/error.hpp"

namespace shido::core {

namespace {

bool has_control(std::string_view text) {
    for (unsigned char ch : text)
        if (ch < 0x20 || ch == 0x7f) return true;
    return false;
}

bool is_ascii_printable(std::string_view text) {
    for (unsigned char ch : text)
        if (ch < 0x20 || ch > 0x7e) return false;
    return true;
}

// Length of the UTF-8 sequence starting with `lead` (1 for continuation bytes: never split
// inside a character whatever the input).
std::size_t mail_sequence_length(unsigned char lead) {
    if (lead >= 0xf0) return 4;
    if (lead >= 0xe0) return 3;
    if (lead >= 0xc0) return 2;
    return 1;
}

[[noreturn]] void refuse_mail(const char* field, const char* message) {
    throw DomainError(ErrorCode::validation, "メールを作成できません。", {{field, message}});
}

std::string two_digits(int value) {
    return (value < 10 ? "0" : "") + std::to_string(value);
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
    static constexpr char base64_alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) |
                     (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                     static_cast<unsigned char>(bytes[i + 2]);
        out += base64_alphabet[(n >> 18) & 63];
        out += base64_alphabet[(n >> 12) & 63];
        out += base64_alphabet[(n >> 6) & 63];
        out += base64_alphabet[n & 63];
    }
    if (i < bytes.size()) {
        unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += base64_alphabet[(n >> 18) & 63];
        out += base64_alphabet[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? base64_alphabet[(n >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

bool is_plain_address(std::string_view address) {
    if (address.size() < 3 || address.size() > 254) return false;
    auto at = address.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 == address.size() ||
        address.find('@', at + 1) != std::string_view::npos)
        return false;
    for (unsigned char ch : address)
        if (ch <= 0x20 || ch >= 0x7f || ch == '<' || ch == '>' || ch == ',' || ch == '"' ||
            ch == '(' || ch == ')' || ch == ';' || ch == ':' || ch == '\\' || ch == '[' ||
            ch == ']')
            return false;
    return true;
}

std::string encode_header_text(std::string_view text) {
    if (is_ascii_printable(text) && text.size() <= 900) return std::string(text);
    // 45 bytes of UTF-8 give 60 base64 characters: "=?UTF-8?B?" + 60 + "?=" = 72 ≤ 75.
    constexpr std::size_t max_bytes = 45;
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = pos;
        while (end < text.size()) {
            auto next = end + mail_sequence_length(static_cast<unsigned char>(text[end]));
            if (next > text.size()) next = text.size();
            if (next - pos > max_bytes) break;
            end = next;
        }
        if (end == pos) end = pos + 1;  // cannot happen with valid UTF-8; never loop forever
        if (!out.empty()) out += "\r\n ";
        out += "=?UTF-8?B?" + base64_encode(text.substr(pos, end - pos)) + "?=";
        pos = end;
    }
    return out;
}

std::string format_mail_date(Timestamp t) {
    static constexpr const char* weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    Timestamp local = t + 9 * 3600;
    auto days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    auto seconds = local - days * 86400;
    auto date = from_days_since_epoch(days);
    auto weekday = static_cast<int>(weekday_of(date));
    return std::string(weekdays[weekday]) + ", " + two_digits(date.day) + " " +
           months[date.month - 1] + " " + std::to_string(date.year) + " " +
           two_digits(static_cast<int>(seconds / 3600)) + ":" +
           two_digits(static_cast<int>(seconds / 60 % 60)) + ":" +
           two_digits(static_cast<int>(seconds % 60)) + " +0900";
}

std::string render_mail(const MailMessage& m) {
    if (!is_plain_address(m.from)) refuse_mail("from", "差出人のアドレスが正しくありません。");
    if (!is_plain_address(m.to)) refuse_mail("to", "宛先のアドレスが正しくありません。");
    if (has_control(m.subject)) refuse_mail("subject", "件名に改行や制御文字は使えません。");
    if (!is_ascii_printable(m.message_id) || m.message_id.size() < 5 ||
        m.message_id.front() != '<' || m.message_id.back() != '>' ||
        m.message_id.find('@') == std::string::npos)
        refuse_mail("message_id", "Message-ID が正しくありません。");
    std::string body;
    body.reserve(m.body.size() + m.body.size() / 16);
    for (std::size_t i = 0; i < m.body.size(); ++i) {
        if (m.body[i] == '\r') continue;  // every line break becomes CRLF
        if (m.body[i] == '\n') body += '\r';
        body += m.body[i];
    }
    if (!body.ends_with("\r\n")) body += "\r\n";
    auto encoded = base64_encode(body);
    std::string out;
    out += "Date: " + format_mail_date(m.date) + "\r\n";
    out += "From: " + m.from + "\r\n";
    out += "To: " + m.to + "\r\n";
    out += "Subject: " + encode_header_text(m.subject) + "\r\n";
    out += "Message-ID: " + m.message_id + "\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    out += "Auto-Submitted: auto-generated\r\n";
    out += "\r\n";
    for (std::size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
    return out;
}

}  // namespace shido::core
