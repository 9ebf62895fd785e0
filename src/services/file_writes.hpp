#pragma once
#include <string_view>

namespace shido::services {

// write() until every byte is written (a write may write less); false with errno set, EIO
// for a write that wrote nothing without an error (never a stale "Success").
bool write_whole(int fd, std::string_view data);

}  // namespace shido::services
