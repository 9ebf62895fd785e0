#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "http/server_config.hpp"

namespace shido::http {

// The host[:port] values this server answers to, for links handed to people and for the login
// Origin check. Never taken from a request's Host header alone, which anybody can set:
// --public-url's host, --allowed-hosts, and the listen address itself (with "localhost" for a
// loopback one).
std::vector<std::string> trusted_hosts(const ServerConfig& config);

// `host` as sent in Host or Origin ("example.jp", "127.0.0.1:8080"), compared without case.
bool is_trusted_host(const std::vector<std::string>& trusted, std::string_view host);

// scheme://host of the site for links: --public-url, else the request's Host when trusted,
// else the first trusted host.
std::string site_url(const ServerConfig& config, const std::vector<std::string>& trusted,
                     std::string_view request_host);

}  // namespace shido::http
