#pragma once
#include <filesystem>
#include <initializer_list>
#include <string>
#include <vector>

#include "app/options.hpp"

namespace shido::app {

// The first existing candidate, so the binary works from the repo root and from elsewhere.
std::string first_existing(std::initializer_list<std::filesystem::path> candidates);
// --data-dir, --db and --content: what every command that opens the database takes.
std::vector<OptionSpec> database_options();
std::vector<OptionSpec> with(std::vector<OptionSpec> base, std::vector<OptionSpec> more);
// --db, or the embedded database in --data-dir.
std::string database_url(const Options& o);
// Prints the command's usage and options when --help was given; true when it did.
bool print_help_if_asked(const Options& o, const std::string& usage, const std::string& summary);

}  // namespace shido::app
