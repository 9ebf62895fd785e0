#pragma once
#include <memory>
#include <string>

#include "services/notifications/mail_sender.hpp"

namespace shido::services {

enum class StartTls { required, try_it, off };

struct SmtpConfig {
    std::string url;  // smtp://host:port or smtps://host:port
    std::string user, password;
    std::string from;  // bare address of the envelope and the From header
    StartTls starttls = StartTls::try_it;
    long timeout_seconds = 30;
};

// Sends through an SMTP server with libcurl (STARTTLS, AUTH when a user is given). Not
// thread-safe: one sender per worker thread.
class SmtpSender : public MailSender {
  public:
    explicit SmtpSender(SmtpConfig config);
    ~SmtpSender() override;
    SmtpSender(const SmtpSender&) = delete;
    SmtpSender& operator=(const SmtpSender&) = delete;

    SendOutcome send(const Envelope& envelope) override;

  private:
    SmtpConfig config_;
    void* curl_ = nullptr;  // CURL*, reused so a connection can be kept between messages
};

}  // namespace shido::services
