#include "services/notifications/outbox_worker.hpp"

#include "services/course/task_service.hpp"

#include <unistd.h>

#include "core/error.hpp"
#include "core/notifications/mail_message.hpp"
#include "services/crypto.hpp"
#include "services/notifications/notify.hpp"
#include "storage/notifications/outbox_repository.hpp"

namespace shido::services {

namespace {

std::string mail_body(const storage::OutboxRow& row, const std::string& public_url) {
    std::string body = row.body;
    if (row.confidential)  // the body itself says what the link is for
        body += "\n\n" + public_url + row.link;
    else if (!row.link.empty())
        body += "\n\n詳しくは次のページをご覧ください。\n" + public_url + row.link;
    body +=
        "\n\n--\nこのメールは IPA "
        "中小企業セキュリティ指導の支援システムから自動で送信されています。";
    return body;
}

}  // namespace

OutboxWorker::OutboxWorker(ServiceEnv env, OutboxConfig config, MailSender* sender, Log log)
    : env_(env), config_(std::move(config)), sender_(sender), log_(std::move(log)) {
    if (config_.worker_id.empty()) config_.worker_id = make_worker_id();
}

OutboxWorker::~OutboxWorker() {
    stop();
}

PassResult OutboxWorker::send_due() {
    PassResult result;
    if (!sender_) return result;
    storage::Connection c(env_.db);
    storage::OutboxRepository outbox(c);
    for (auto id : outbox.due(env_.now(), config_.batch)) {
        auto now = env_.now();
        if (!outbox.claim(id, config_.worker_id, now, now + config_.claim_seconds)) {
            ++result.lost;
            continue;
        }
        auto row = outbox.find(id);
        if (!row) continue;
        SendOutcome outcome;
        try {
            core::MailMessage message{config_.from,    row->recipient_address,
                                      row->subject,    mail_body(*row, config_.public_url),
                                      row->message_id, row->created_at};
            outcome =
                sender_->send({config_.from, row->recipient_address, core::render_mail(message)});
        } catch (const core::DomainError& e) {
            // A message that cannot be written (an address with a line break) never will be.
            outcome = {false, true, e.what()};
            for (const auto& [field, text] : e.fields()) outcome.error += " " + field + ": " + text;
        }
        auto done = env_.now();
        if (outcome.sent) {
            if (outbox.mark_sent(id, config_.worker_id, done)) ++result.sent;
            continue;
        }
        auto decision = core::after_failure(config_.retry, row->attempts, done, outcome.permanent);
        outbox.mark_failed_attempt(
            id, config_.worker_id, outcome.error,
            decision.give_up ? std::nullopt : std::optional(decision.next_attempt_at));
        ++(decision.give_up ? result.failed : result.retried);
        if (log_) log_(decision.give_up ? "mail failed" : "mail retry", outcome.error);
    }
    return result;
}

void OutboxWorker::scan() {
    notify_sessions_tomorrow(env_.db, today(env_), env_.now());
    remind_due_tasks(env_.db, today(env_), env_.now());
}

void OutboxWorker::start() {
    if (thread_.joinable()) return;
    stopping_ = false;
    thread_ = std::thread([this] { run(); });
}

void OutboxWorker::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void OutboxWorker::run() {
    auto next_scan = std::chrono::steady_clock::now();
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        try {
            if (std::chrono::steady_clock::now() >= next_scan) {
                scan();
                next_scan = std::chrono::steady_clock::now() + config_.scan_every;
            }
            send_due();
        } catch (const std::exception& e) {
            // The database may be away for a moment; the rows wait, the next pass tries again.
            if (log_) log_("outbox pass failed", e.what());
        }
        lock.lock();
        wake_.wait_for(lock, config_.poll, [this] { return stopping_; });
    }
}

std::string make_worker_id() {
    char host[256] = {0};
    if (gethostname(host, sizeof host - 1) != 0) host[0] = 0;
    return std::string(host) + ":" + std::to_string(getpid()) + ":" + random_token(6);
}

}  // namespace shido::services
