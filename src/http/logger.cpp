#include "http/logger.hpp"

#include <chrono>
#include <cstdio>
#include <mutex>

#include "core/clock.hpp"

namespace shido::http {

namespace {
const char* name_of(LogLevel level) {
    switch (level) {
        case LogLevel::debug:
            return "debug";
        case LogLevel::info:
            return "info";
        case LogLevel::warn:
            return "warn";
        case LogLevel::error:
            return "error";
    }
    return "info";
}
}  // namespace

bool parse_log_level(std::string_view text, LogLevel& out) {
    for (LogLevel level : {LogLevel::debug, LogLevel::info, LogLevel::warn, LogLevel::error}) {
        if (text == name_of(level)) {
            out = level;
            return true;
        }
    }
    return false;
}

void Logger::log(LogLevel level, std::string_view message, nlohmann::json fields) const {
    if (!enabled(level)) return;
    using namespace std::chrono;
    auto now = duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
    if (!fields.is_object()) fields = nlohmann::json::object();
    fields["ts"] = core::format_iso8601(now);
    fields["level"] = name_of(level);
    fields["msg"] = message;
    std::string line = fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace shido::http
