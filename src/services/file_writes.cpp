#include "services/file_writes.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <string>
#include <system_error>

#include "services/crypto.hpp"

namespace shido::services {

namespace {

// false with errno set; EIO for a write that wrote nothing without an error.
bool write_whole(int fd, std::string_view data) {
    std::size_t done = 0;
    while (done < data.size()) {
        auto n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = EIO;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

void sync_folder(const std::filesystem::path& folder) {
    int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

int put_file_whole(const std::filesystem::path& file, std::string_view data) {
    auto folder = file.parent_path();
    std::error_code ec;
    if (!folder.empty()) std::filesystem::create_directories(folder, ec);
    if (ec) return ec.value();
    auto temporary = folder / ("." + file.filename().string() + "." + random_hex(6) + ".part");
    int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return errno;
    bool written = write_whole(fd, data) && ::fsync(fd) == 0;
    int error = written ? 0 : errno;
    ::close(fd);
    if (written && ::link(temporary.c_str(), file.c_str()) != 0) error = errno;
    ::unlink(temporary.c_str());
    if (error == 0) sync_folder(folder);
    return error;
}

}  // namespace shido::services
