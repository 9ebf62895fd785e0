#include "services/notifications/smtp_sender.hpp"

#include <cstring>
#include <mutex>

#include <curl/curl.h>

namespace shido::services {

namespace {

struct SmtpUpload {
    const std::string& data;
    std::size_t offset = 0;
};

std::size_t smtp_read(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* upload = static_cast<SmtpUpload*>(user);
    std::size_t room = size * count;
    std::size_t left = upload->data.size() - upload->offset;
    std::size_t n = left < room ? left : room;
    std::memcpy(buffer, upload->data.data() + upload->offset, n);
    upload->offset += n;
    return n;
}

void smtp_global_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

SmtpSender::SmtpSender(SmtpConfig config) : config_(std::move(config)) {
    smtp_global_init();
    curl_ = curl_easy_init();
}

SmtpSender::~SmtpSender() {
    if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

SendOutcome SmtpSender::send(const Envelope& envelope) {
    auto* curl = static_cast<CURL*>(curl_);
    if (!curl) return {false, false, "libcurl could not be initialised"};
    curl_easy_reset(curl);
    SmtpUpload upload{envelope.data};
    std::string from = "<" + envelope.from + ">";
    curl_slist* recipients = curl_slist_append(nullptr, ("<" + envelope.to + ">").c_str());
    char error[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_URL, config_.url.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, smtp_read);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, config_.timeout_seconds);
    long use_ssl = config_.starttls == StartTls::required ? CURLUSESSL_ALL
                   : config_.starttls == StartTls::try_it ? CURLUSESSL_TRY
                                                          : CURLUSESSL_NONE;
    curl_easy_setopt(curl, CURLOPT_USE_SSL, use_ssl);
    if (!config_.user.empty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, config_.user.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, config_.password.c_str());
    }
    CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(recipients);
    if (code == CURLE_OK) return {true, false, ""};
    long response = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
    std::string text = error[0] ? error : curl_easy_strerror(code);
    if (response > 0) text = "SMTP " + std::to_string(response) + ": " + text;
    // A 5xx answer is final (mailbox unknown, message refused); anything else may pass later.
    return {false, response >= 500 && response < 600, text};
}

}  // namespace shido::services
