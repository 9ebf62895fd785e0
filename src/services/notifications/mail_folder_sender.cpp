#include "services/notifications/mail_folder_sender.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <system_error>

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
    std::error_code ec;
    std::filesystem::create_directories(folder_, ec);
    if (ec) return not_written(folder_, ec.value());
    auto name = message_file_name();
    auto final_path = folder_ / name;
    auto temporary = folder_ / ("." + name + ".part");
    int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return not_written(temporary, errno);
    bool written = write_whole(fd, envelope.data) && ::fsync(fd) == 0;
    int error = errno;
    ::close(fd);
    if (written && ::rename(temporary.c_str(), final_path.c_str()) == 0) return {true, false, ""};
    if (written) error = errno;
    ::unlink(temporary.c_str());
    return not_written(final_path, error);
}

}  // namespace shido::services
