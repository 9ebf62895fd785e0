#pragma once
#include <filesystem>
#include <string_view>

#include <restinio/all.hpp>

namespace shido::http {

// Serves the built front end (web/dist). Paths without a file extension fall back to
// index.html so that the Vue router's history-mode URLs survive a reload.
restinio::request_handling_status_t serve_static(const restinio::request_handle_t& req,
                                                 const std::filesystem::path& root);

std::string_view content_type_for(const std::filesystem::path& file);

}  // namespace shido::http
