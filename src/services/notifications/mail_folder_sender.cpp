#include "services/notifications/mail_folder_sender.hpp"

#include <chrono>
#include <cstring>
#include <ctime>

#include "services/crypto.hpp"
#include "services/file_writes.hpp"

namespace shido::services {

namespace {

// Sorts by time in a file listing: 20261202T064512Z-<random>.eml
std::string message_file_name() {
    auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    return std::string(stamp) + "-" + random_token(6) + ".eml";
}

SendOutcome not_written(const std::filesystem::path& path, int error) {
    // The folder may come back (a full disk, a remount): the outbox retries.
    return {false, false, "cannot write " + path.string() + ": " + std::strerror(error)};
}

}  // namespace

MailFolderSender::MailFolderSender(std::filesystem::path folder) : folder_(std::move(folder)) {}

SendOutcome MailFolderSender::send(const Envelope& envelope) {
    auto file = folder_ / message_file_name();
    if (int error = put_file_whole(file, envelope.data)) return not_written(file, error);
    return {true, false, ""};
}

}  // namespace shido::services
