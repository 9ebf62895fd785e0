#include "app/options.hpp"

#include <cstdlib>
#include <stdexcept>

namespace shido::app {

Options::Options(std::vector<OptionSpec> specs, const std::vector<std::string>& args)
    : specs_(std::move(specs)) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            help_ = true;
            continue;
        }
        if (arg.rfind("--", 0) != 0) throw UsageError("unexpected argument: " + arg);
        auto eq = arg.find('=');
        std::string flag = arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
        const auto& s = spec(flag);
        if (s.is_switch) {
            given_[flag] = "1";
        } else if (eq != std::string::npos) {
            given_[flag] = arg.substr(eq + 1);
        } else if (i + 1 < args.size()) {
            given_[flag] = args[++i];
        } else {
            throw UsageError("--" + flag + " needs a value");
        }
    }
}

const OptionSpec& Options::spec(const std::string& flag) const {
    for (const auto& s : specs_)
        if (s.flag == flag) return s;
    throw UsageError("unknown option --" + flag);
}

std::string Options::get(const std::string& flag) const {
    if (auto it = given_.find(flag); it != given_.end()) return it->second;
    const auto& s = spec(flag);
    if (!s.env.empty())
        if (const char* value = std::getenv(s.env.c_str())) return value;
    return s.fallback;
}

bool Options::on(const std::string& flag) const {
    auto value = get(flag);
    return value == "1" || value == "true" || value == "yes" || value == "on";
}

long long Options::number(const std::string& flag, long long min, long long max) const {
    auto text = get(flag);
    try {
        std::size_t used = 0;
        long long value = std::stoll(text, &used);
        if (used == text.size() && value >= min && value <= max) return value;
    } catch (const std::exception&) {
    }
    throw UsageError("--" + flag + " must be a number from " + std::to_string(min) + " to " +
                     std::to_string(max) + " (got '" + text + "')");
}

std::string Options::help_text() const {
    std::string out;
    for (const auto& s : specs_) {
        std::string left = "  --" + s.flag + (s.is_switch ? "" : " VALUE");
        if (left.size() < 26) left.resize(26, ' ');
        out += left + " " + s.help;
        if (!s.env.empty()) out += " [env " + s.env + "]";
        if (!s.fallback.empty() && !s.is_switch) out += " (default: " + s.fallback + ")";
        out += "\n";
    }
    out += "  --help                     show this help\n";
    return out;
}

}  // namespace shido::app
