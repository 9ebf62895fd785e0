#include "services/accounts/account_mail.hpp"

#include "services/crypto.hpp"
#include "storage/notifications/outbox_repository.hpp"

namespace shido::services {

void queue_account_mail(storage::Connection& c, const core::User& to, core::AccountMail kind,
                        const core::AccountMailFacts& facts, const std::string& link,
                        core::Timestamp now) {
    auto text = core::compose_account_mail(kind, facts);
    storage::OutboxRow mail;
    mail.recipient_id = to.id;
    mail.recipient_address = to.email;
    mail.subject = text.subject;
    mail.body = text.body;
    mail.link = link;
    mail.confidential = !link.empty();
    mail.message_id = "<" + random_token(18) + "@shido.local>";
    mail.next_attempt_at = now;
    mail.created_at = now;
    storage::OutboxRepository(c).insert(mail);
}

}  // namespace shido::services
