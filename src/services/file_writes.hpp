#pragma once
#include <filesystem>
#include <string_view>

namespace shido::services {

// Puts `data` at `file` whole or not at all, readable by its owner only (0600): written and
// synced under a temporary name beside it, then linked into place, and the folder synced, so a
// reader never sees half a file and a crash never loses a file once this returned. The folder
// is made when missing. link() never replaces: a name that exists gives EEXIST, which is how
// two servers starting at once agree on one key file.
// Returns 0, or the errno of the step that failed.
int put_file_whole(const std::filesystem::path& file, std::string_view data);

}  // namespace shido::services
