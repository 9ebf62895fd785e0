#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "core/notifications/retry_policy.hpp"
#include "services/context.hpp"
#include "services/notifications/mail_sender.hpp"

namespace shido::services {

struct OutboxConfig {
    std::string worker_id;   // unique per process: who holds a claim
    std::string from;        // envelope and From address
    std::string public_url;  // https://host: prefixes the app links in e-mails
    core::RetryPolicy retry;
    long long claim_seconds = 300;  // a claim older than this is taken to be abandoned
    int batch = 50;                 // rows claimed per pass
    std::chrono::milliseconds poll{5000};
    std::chrono::milliseconds scan_every{60000};  // the "session tomorrow" scan
};

struct PassResult {
    int sent = 0, retried = 0, failed = 0, lost = 0;  // lost: claim taken by another server
};

// Sends the outbox. Each pass claims due rows one by one (OutboxRepository::claim: one UPDATE,
// so two servers never send the same row), sends each with the MailSender, and marks it sent
// or schedules its retry (core::after_failure) with the error text. A message whose send
// outcome was uncertain (crash after the server took it) goes again with the same
// Message-ID. Without a sender nothing is sent: the rows stay queued for the secretariat.
class OutboxWorker {
  public:
    using Log = std::function<void(const std::string& event, const std::string& detail)>;
    OutboxWorker(ServiceEnv env, OutboxConfig config, MailSender* sender, Log log = {});
    ~OutboxWorker();
    OutboxWorker(const OutboxWorker&) = delete;
    OutboxWorker& operator=(const OutboxWorker&) = delete;

    PassResult send_due();  // one pass, on the calling thread
    void scan();            // the time-based notices (明日の指導), idempotent

    // A background thread: scan every scan_every, send every poll; stop() joins it.
    void start();
    void stop();

  private:
    void run();
    ServiceEnv env_;
    OutboxConfig config_;
    MailSender* sender_;
    Log log_;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
};

// A worker id unique to this process: host name, process id and a random part.
std::string make_worker_id();

}  // namespace shido::services
