#include "services/file_writes.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstddef>

namespace shido::services {

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

}  // namespace shido::services
