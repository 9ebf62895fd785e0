#pragma once
#include <string>
#include <string_view>

#include "core/ids.hpp"

namespace shido::core {

// One e-mail as the outbox keeps it, ready to be written as an RFC 5322 message.
struct MailMessage {
    std::string from;        // bare address: shido@example.jp
    std::string to;          // bare address
    std::string subject;     // UTF-8, one line
    std::string body;        // UTF-8 plain text, "\n" line breaks
    std::string message_id;  // <…@…>, fixed per outbox row: a retry is the same message
    Timestamp date = 0;      // when the cause happened (the Date header; same on every retry)
};

// A bare address local@domain with nothing a header or SMTP command could be broken with
// (no spaces, CR, LF, angle brackets, commas, quotes or other control characters).
bool is_plain_address(std::string_view address);

// The subject as RFC 2047 encoded words (UTF-8, base64), each at most 75 characters, folded
// onto continuation lines; plain ASCII is kept as it is.
std::string encode_header_text(std::string_view text);

// RFC 5322 date in Japan time: "Wed, 02 Dec 2026 09:00:00 +0900".
std::string format_mail_date(Timestamp t);

// The whole message (headers CRLF-separated, body base64 in 76-character lines). Throws
// DomainError(validation) when an address is not plain or the subject or Message-ID holds a
// line break or another control character: a header can never be injected.
std::string render_mail(const MailMessage& message);

// Standard base64 of `bytes` (RFC 4648, with padding).
std::string base64_encode(std::string_view bytes);

}  // namespace shido::core
