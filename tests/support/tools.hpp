#pragma once
#include <filesystem>
#include <string>

namespace shido::testing {

// The full path of an external program (searched on PATH, then /usr/bin), or empty.
std::string find_tool(const std::string& name);

struct CommandResult {
    int exit_code = -1;
    std::string output;  // stdout and stderr
};

// Runs a shell command line; arguments must already be quoted with shell_quote().
CommandResult run_command(const std::string& command_line);
std::string shell_quote(const std::string& text);

// A directory removed with everything in it at the end of the scope.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

void write_file(const std::filesystem::path& path, const std::string& bytes);

}  // namespace shido::testing

// Locates a tool or fails the test with the package to install.
#define SHIDO_REQUIRE_TOOL(var, name, package)                                             \
    const std::string var = ::shido::testing::find_tool(name);                             \
    ASSERT_FALSE(var.empty()) << name << " not found on PATH or in /usr/bin: install the " \
                              << package << " package (apt-get install -y " << package << ")"
