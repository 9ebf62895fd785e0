#pragma once
#include <string>

namespace shido::services {

// One message to hand to the mail server: the envelope and the rendered RFC 5322 text.
struct Envelope {
    std::string from;  // bare addresses
    std::string to;
    std::string data;  // core::render_mail
};

struct SendOutcome {
    bool sent = false;
    bool permanent = false;  // refused for good (SMTP 5xx): retrying will not help
    std::string error;       // what went wrong, for the secretariat's outbox page
};

// Sends one message; implemented with libcurl (SmtpSender) and by fakes in tests.
class MailSender {
  public:
    virtual ~MailSender() = default;
    virtual SendOutcome send(const Envelope& envelope) = 0;
};

}  // namespace shido::services
