#include "core/accounts/device_label.hpp"

#include <array>
#include <utility>

namespace shido::core {

namespace {

using Marker = std::pair<std::string_view, std::string_view>;  // substring → name

// Order matters: Edge and Opera also say Chrome, Chrome also says Safari, Android also says
// Linux, and an iPhone's browser says "like Mac OS X".
constexpr std::array<Marker, 7> browser_markers{{{"Edg/", "Edge"},
                                                 {"OPR/", "Opera"},
                                                 {"Firefox/", "Firefox"},
                                                 {"FxiOS/", "Firefox"},
                                                 {"Chrome/", "Chrome"},
                                                 {"CriOS/", "Chrome"},
                                                 {"Version/", "Safari"}}};
constexpr std::array<Marker, 7> system_markers{{{"iPhone", "iPhone"},
                                                {"iPad", "iPad"},
                                                {"Android", "Android"},
                                                {"Windows", "Windows"},
                                                {"CrOS", "ChromeOS"},
                                                {"Mac OS X", "macOS"},
                                                {"Linux", "Linux"}}};

template <std::size_t N>
std::string_view first_marker(std::string_view text, const std::array<Marker, N>& markers) {
    for (const auto& [needle, name] : markers)
        if (text.find(needle) != std::string_view::npos) return name;
    return {};
}

}  // namespace

std::string device_label(std::string_view user_agent) {
    auto browser = first_marker(user_agent, browser_markers);
    // "Version/" names Safari only where Safari says so; other programs use it too.
    if (browser == "Safari" && user_agent.find("Safari/") == std::string_view::npos) browser = {};
    auto system = first_marker(user_agent, system_markers);
    if (browser.empty() && system.empty()) return "不明な端末";
    if (browser.empty()) return std::string(system);
    if (system.empty()) return std::string(browser);
    return std::string(browser) + "（" + std::string(system) + "）";
}

std::string clean_user_agent(std::string_view header) {
    constexpr std::size_t max_chars = 512;
    std::string out;
    for (char ch : header) {
        if (out.size() == max_chars) break;
        if (ch >= 0x20 && ch <= 0x7e) out.push_back(ch);
    }
    return out;
}

}  // namespace shido::core
