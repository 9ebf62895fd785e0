#pragma once
#include <filesystem>
#include <string>

#include "services/notifications/mail_sender.hpp"

namespace shido::services {

// "Sends" by writing each message as an .eml file (RFC 5322, as an SMTP server would get it)
// into a folder: the demo and trials without a mail server still deliver invitations and
// reset links, to whoever can read that folder on the server. Each file is written under a
// temporary name and renamed, so a reader never sees half a message; files are 0600.
class MailFolderSender : public MailSender {
  public:
    explicit MailFolderSender(std::filesystem::path folder);

    SendOutcome send(const Envelope& envelope) override;
    const std::filesystem::path& folder() const { return folder_; }

  private:
    std::filesystem::path folder_;
};

}  // namespace shido::services
