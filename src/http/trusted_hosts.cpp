#include "http/trusted_hosts.hpp"

#include <algorithm>
#include <cctype>

namespace shido::http {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

// "https://shido.example.jp/" → "shido.example.jp"
std::string host_of_url(std::string_view url) {
    auto scheme = url.find("://");
    if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
    return lower(url.substr(0, url.find('/')));
}

bool is_loopback(std::string_view address) {
    return address == "127.0.0.1" || address == "::1" || address == "localhost";
}

}  // namespace

std::vector<std::string> trusted_hosts(const ServerConfig& config) {
    std::vector<std::string> hosts;
    if (!config.public_url.empty()) hosts.push_back(host_of_url(config.public_url));
    for (const auto& host : config.allowed_hosts) hosts.push_back(lower(host));
    const auto port = ":" + std::to_string(config.port);
    if (config.listen_address != "0.0.0.0" && config.listen_address != "::") {
        hosts.push_back(lower(config.listen_address) + port);
        if (is_loopback(config.listen_address)) {
            hosts.push_back("localhost" + port);
            hosts.push_back("127.0.0.1" + port);
        }
    }
    std::sort(hosts.begin() + (config.public_url.empty() ? 0 : 1), hosts.end());
    hosts.erase(std::unique(hosts.begin(), hosts.end()), hosts.end());
    return hosts;
}

bool is_trusted_host(const std::vector<std::string>& trusted, std::string_view host) {
    auto wanted = lower(host);
    return !wanted.empty() && std::find(trusted.begin(), trusted.end(), wanted) != trusted.end();
}

std::string site_url(const ServerConfig& config, const std::vector<std::string>& trusted,
                     std::string_view request_host) {
    if (!config.public_url.empty()) return config.public_url;
    const std::string scheme = config.secure_cookies ? "https://" : "http://";
    if (is_trusted_host(trusted, request_host)) return scheme + std::string(request_host);
    if (!trusted.empty()) return scheme + trusted.front();
    return scheme + "127.0.0.1:" + std::to_string(config.port);
}

}  // namespace shido::http
