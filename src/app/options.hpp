#pragma once
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace shido::app {

// One command-line option: its flag, the environment variable that can set it instead, and
// its help text. A flag beats the environment, which beats the default.
struct OptionSpec {
    std::string flag;  // without the leading "--"
    std::string env;   // empty: no environment variable
    std::string help;
    bool is_switch = false;
    std::string fallback;
};

class Options {
  public:
    Options(std::vector<OptionSpec> specs, const std::vector<std::string>& args);

    std::string get(const std::string& flag) const;
    bool on(const std::string& flag) const;
    long long number(const std::string& flag, long long min, long long max) const;
    bool wants_help() const { return help_; }
    std::string help_text() const;

  private:
    const OptionSpec& spec(const std::string& flag) const;
    std::vector<OptionSpec> specs_;
    std::map<std::string, std::string> given_;
    bool help_ = false;
};

class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

}  // namespace shido::app
