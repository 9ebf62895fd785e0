#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "http/logger.hpp"

namespace shido::http {

struct ServerConfig {
    std::string listen_address = "127.0.0.1";
    unsigned short port = 8080;
    std::size_t threads = 4;
    std::size_t workers = 2;      // WorkerPool threads for heavy routes
    std::size_t max_queued = 64;  // heavy requests waiting beyond this get a 503
    std::filesystem::path static_dir = "web/dist";
    std::size_t max_body_bytes = 1024 * 1024;
    bool secure_cookies = false;  // set behind a TLS-terminating reverse proxy
    bool trust_proxy = false;     // take the client address from X-Forwarded-For
    std::string public_url;       // e.g. https://shido.example.jp; empty: see trusted_hosts.hpp
    std::vector<std::string> allowed_hosts;  // more host[:port] values the site is reached by
    LogLevel log_level = LogLevel::info;
};

}  // namespace shido::http
