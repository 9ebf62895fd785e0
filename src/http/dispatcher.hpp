#pragma once
#include <restinio/all.hpp>

#include "http/logger.hpp"
#include "http/metrics.hpp"
#include "http/route.hpp"
#include "http/server_config.hpp"
#include "http/trusted_hosts.hpp"
#include "http/worker_pool.hpp"
#include "services/services.hpp"

namespace shido::http {

inline constexpr const char* session_cookie = "shido_session";

// Runs one API request through the same steps every time: size limit, session, access
// rule, CSRF, JSON parsing, the handler, error mapping, logging and metrics.
class Dispatcher {
  public:
    // Without a worker pool (`shido routes`), heavy routes run where they arrive.
    Dispatcher(services::Services& services, const ServerConfig& config, const Logger& logger,
               Metrics& metrics, WorkerPool* workers = nullptr)
        : services_(services),
          config_(config),
          logger_(logger),
          metrics_(metrics),
          workers_(workers),
          trusted_hosts_(trusted_hosts(config)) {}

    restinio::request_handling_status_t handle(const Route& route,
                                               const restinio::request_handle_t& req,
                                               std::map<std::string, std::string> path_params);
    // For requests that match no route, and plain-text endpoints.
    using Headers = std::vector<std::pair<std::string, std::string>>;
    restinio::request_handling_status_t send_json(const restinio::request_handle_t& req, int status,
                                                  const nlohmann::json& body,
                                                  const std::string& route_label,
                                                  const Headers& headers = {});
    restinio::request_handling_status_t send_text(const restinio::request_handle_t& req, int status,
                                                  std::string content_type, std::string body,
                                                  const std::string& route_label,
                                                  const Headers& headers = {});

    std::string session_cookie_header(const std::string& token) const;
    std::string clear_session_cookie_header() const;
    Metrics& metrics() { return metrics_; }

  private:
    restinio::request_handling_status_t respond(const Route& route,
                                                const restinio::request_handle_t& req,
                                                std::map<std::string, std::string> path_params);
    ApiResponse run(const Route& route, const restinio::request_handle_t& req, ApiCall& call);
    std::string client_address(const restinio::request_handle_t& req) const;
    std::string base_url(const restinio::request_handle_t& req) const;

    services::Services& services_;
    const ServerConfig& config_;
    const Logger& logger_;
    Metrics& metrics_;
    WorkerPool* workers_;
    std::vector<std::string> trusted_hosts_;
};

void add_common_headers(restinio::response_builder_t<restinio::restinio_controlled_output_t>& resp,
                        const std::string& request_id);

}  // namespace shido::http
