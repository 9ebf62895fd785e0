#include "app/command_options.hpp"

#include <filesystem>
#include <initializer_list>
#include <iostream>

namespace shido::app {

namespace fs = std::filesystem;

std::string first_existing(std::initializer_list<fs::path> candidates) {
    for (const auto& c : candidates)
        if (fs::exists(c)) return c.string();
    return candidates.begin()->string();
}

std::vector<OptionSpec> database_options() {
    return {
        {"data-dir", "SHIDO_DATA_DIR", "directory for the embedded database and files", false,
         "./var"},
        {"db", "SHIDO_DB",
         "database: sqlite:PATH or a PostgreSQL URL (default: sqlite:DATA_DIR/shido.db)", false,
         ""},
        {"content", "SHIDO_CONTENT_DIR", "directory of the programme's content files", false,
         first_existing({"content", fs::path(SHIDO_SOURCE_DIR) / "content"})},
    };
}

std::vector<OptionSpec> with(std::vector<OptionSpec> base, std::vector<OptionSpec> more) {
    base.insert(base.end(), more.begin(), more.end());
    return base;
}

std::string database_url(const Options& o) {
    auto url = o.get("db");
    return url.empty() ? "sqlite:" + (fs::path(o.get("data-dir")) / "shido.db").string() : url;
}

bool print_help_if_asked(const Options& o, const std::string& usage, const std::string& summary) {
    if (!o.wants_help()) return false;
    std::cout << "Usage: " << usage << "\n\n" << summary << "\n\nOptions:\n" << o.help_text();
    return true;
}

}  // namespace shido::app
