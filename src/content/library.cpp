#include "content/library.hpp"

#include "content/json_file.hpp"

namespace shido::content {

Library load_library(const std::filesystem::path& root) {
    Library library;
    auto curriculum_path = root / "curriculum" / "standard-4.json";
    library.curriculum =
        parse_curriculum(read_json_file(curriculum_path), curriculum_path.string());
    return library;
}

}  // namespace shido::content
