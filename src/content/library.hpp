#pragma once
#include <filesystem>

#include "content/curriculum.hpp"

namespace shido::content {

// Everything the programme defines as data, loaded once at start and read-only after.
struct Library {
    Curriculum curriculum;
};

// Loads and validates every content file under `root` (the repo's content/ folder).
Library load_library(const std::filesystem::path& root);

}  // namespace shido::content
