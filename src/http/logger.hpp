#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace shido::http {

enum class LogLevel { debug, info, warn, error };
bool parse_log_level(std::string_view text, LogLevel& out);

// Structured logs: one JSON object per line on stderr, each with its request id when
// there is one, so a line can be found from the X-Request-Id a user reports.
class Logger {
  public:
    explicit Logger(LogLevel min_level) : min_level_(min_level) {}
    void log(LogLevel level, std::string_view message, nlohmann::json fields = {}) const;
    bool enabled(LogLevel level) const { return level >= min_level_; }

  private:
    LogLevel min_level_;
};

}  // namespace shido::http
