#include "core/accounts/totp_window.hpp"

namespace shido::core {

long long totp_step(Timestamp now) {
    return now < 0 ? 0 : now / totp_period_seconds;
}

std::vector<long long> totp_window_steps(Timestamp now) {
    std::vector<long long> steps;
    const auto current = totp_step(now);
    for (auto step = current - totp_tolerance_steps; step <= current + totp_tolerance_steps; ++step)
        if (step >= 0) steps.push_back(step);
    return steps;
}

std::vector<long long> acceptable_totp_steps(Timestamp now, long long last_used_step) {
    std::vector<long long> steps;
    for (auto step : totp_window_steps(now))
        if (step > last_used_step) steps.push_back(step);
    return steps;
}

std::optional<std::string> normalise_totp_code(std::string_view typed) {
    std::string code;
    for (char ch : typed) {
        if (ch == ' ') continue;
        if (ch < '0' || ch > '9') return std::nullopt;
        code.push_back(ch);
    }
    if (code.size() != static_cast<std::size_t>(totp_digits)) return std::nullopt;
    return code;
}

}  // namespace shido::core
