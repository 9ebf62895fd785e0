#include "http/server.hpp"

#include <csignal>
#include <thread>

#include <restinio/all.hpp>

#include "http/api_routes.hpp"
#include "http/dispatcher.hpp"
#include "http/route_table.hpp"
#include "http/static_files.hpp"

namespace shido::http::embedded {
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_files();
}

namespace shido::http {

namespace {

using traits_t = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t>;

std::optional<Method> method_of(const restinio::http_method_id_t& id) {
    if (id == restinio::http_method_get()) return Method::get;
    if (id == restinio::http_method_post()) return Method::post;
    if (id == restinio::http_method_patch()) return Method::patch;
    if (id == restinio::http_method_put()) return Method::put;
    if (id == restinio::http_method_delete()) return Method::del;
    return std::nullopt;
}

nlohmann::json api_error(const char* code, const char* message) {
    return {{"error", {{"code", code}, {"message", message}}}};
}

// Endpoints outside the API: probes, metrics, the API description.
std::optional<restinio::request_handling_status_t> serve_operational(
    const restinio::request_handle_t& req, std::string_view path, services::Services& services,
    Dispatcher& dispatcher) {
    if (req->header().method() != restinio::http_method_get()) return std::nullopt;
    if (path == "/livez") return dispatcher.send_json(req, 200, {{"status", "alive"}}, "/livez");
    if (path == "/healthz") {
        bool ok = services::database_answers(services.env);
        return dispatcher.send_json(req, ok ? 200 : 503,
                                    {{"status", ok ? "ok" : "database_unavailable"}}, "/healthz");
    }
    if (path == "/metrics")
        return dispatcher.send_text(req, 200, "text/plain; version=0.0.4; charset=utf-8",
                                    dispatcher.metrics().render(), "/metrics");
    if (path == "/api/openapi.json")
        return dispatcher.send_text(req, 200, "application/json; charset=utf-8",
                                    std::string(openapi_document()), "/api/openapi.json");
    return std::nullopt;
}

// Request lines and headers beyond these get 414 / 431 with the usual error body. (Past the
// HTTP parser's own limit of 80 KiB for all headers the connection is closed unanswered.)
constexpr std::size_t max_target_bytes = 8 * 1024;
constexpr std::size_t max_field_bytes = 8 * 1024;
constexpr std::size_t max_header_bytes = 32 * 1024;

std::optional<restinio::request_handling_status_t> refuse_oversized(
    const restinio::request_handle_t& req, Dispatcher& dispatcher) {
    const auto& header = req->header();
    if (header.request_target().size() > max_target_bytes)
        return dispatcher.send_json(req, 414, api_error("uri_too_long", "URLが長すぎます。"),
                                    "oversized");
    std::size_t total = 0;
    bool field_too_long = false;
    header.for_each_field([&](const restinio::http_header_field_t& field) {
        auto size = field.name().size() + field.value().size();
        total += size;
        field_too_long = field_too_long || size > max_field_bytes;
    });
    if (field_too_long || total > max_header_bytes)
        return dispatcher.send_json(req, 431,
                                    api_error("header_too_large",
                                              "リクエストのヘッダーが大きすぎます。Cookie "
                                              "を削除してから、もう一度お試しください。"),
                                    "oversized");
    return std::nullopt;
}

restinio::request_handling_status_t route_request(const restinio::request_handle_t& req,
                                                  services::Services& services,
                                                  const ServerConfig& config,
                                                  Dispatcher& dispatcher, const RouteTable& table) {
    if (auto refused = refuse_oversized(req, dispatcher)) return *refused;
    std::string_view path = req->header().path();
    if (auto handled = serve_operational(req, path, services, dispatcher)) return *handled;
    if (!path.starts_with("/api/")) return serve_static(req, config.static_dir);
    auto method = method_of(req->header().method());
    auto match = method ? table.match(*method, path) : RouteTable::Match{};
    if (match.route) return dispatcher.handle(*match.route, req, std::move(match.params));
    if (!match.allowed.empty() || !method)
        return dispatcher.send_json(
            req, 405, api_error("method_not_allowed", "このURLでは、その操作はできません。"),
            "unmatched", {{"Allow", match.allowed.empty() ? "GET" : match.allowed}});
    return dispatcher.send_json(req, 404, api_error("not_found", "指定されたAPIは存在しません。"),
                                "unmatched");
}

}  // namespace

std::string_view openapi_document() {
    return embedded::embedded_files().front().second;
}

std::vector<RouteInfo> describe_routes(services::Services& services) {
    Metrics metrics;
    ServerConfig config;
    Logger logger(LogLevel::error);
    Dispatcher dispatcher(services, config, logger, metrics);
    std::vector<RouteInfo> info;
    const auto routes = api_routes(services, dispatcher);
    const RouteTable checked(routes);  // the same start-up checks as `serve`
    for (const auto& route : routes) {
        RouteInfo r{to_string(route.method),
                    route.path,
                    to_string(route.access.gate),
                    {},
                    {},
                    {},
                    route.work == Work::heavy,
                    route.before_enrolment};
        if (const auto& guard = route.access.guard) {
            r.anchor = core::to_string(guard->anchor);
            r.action = core::to_string(guard->action);
            r.param = guard->param;
        }
        info.push_back(std::move(r));
    }
    return info;
}

void run_server(services::Services& services, const ServerConfig& config, const Logger& logger) {
    Metrics metrics;
    WorkerPool workers(config.workers, config.max_queued);
    Dispatcher dispatcher(services, config, logger, metrics, &workers);
    const auto routes = api_routes(services, dispatcher);
    const RouteTable table(routes);

    asio::io_context io;
    restinio::server_settings_t<traits_t> settings;
    settings.address(config.listen_address)
        .port(config.port)
        .request_handler(
            [&](auto req) { return route_request(req, services, config, dispatcher, table); })
        // Bodies a little over the limit still reach the dispatcher, which answers 413 with a
        // readable error; far larger ones are cut off by RESTinio without reading them.
        .incoming_http_msg_limits(
            restinio::incoming_http_msg_limits_t{}.max_body_size(config.max_body_bytes * 4 + 65536))
        .read_next_http_message_timelimit(std::chrono::seconds(30))
        .handle_request_timeout(std::chrono::seconds(30));
    restinio::http_server_t<traits_t> server(restinio::external_io_context(io),
                                             std::move(settings));

    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const asio::error_code& ec, int) {
        if (ec) return;
        logger.log(LogLevel::info, "shutting down");
        server.close_async([&io] { io.stop(); }, [&io](std::exception_ptr) { io.stop(); });
    });
    server.open_async(
        [&] {
            logger.log(LogLevel::info, "listening",
                       {{"address", config.listen_address},
                        {"port", config.port},
                        {"threads", config.threads},
                        {"workers", workers.threads()}});
        },
        [&](std::exception_ptr ex) {
            try {
                std::rethrow_exception(ex);
            } catch (const std::exception& e) {
                logger.log(LogLevel::error, "cannot listen", {{"error", e.what()}});
            }
            io.stop();
        });

    std::vector<std::thread> pool;
    for (std::size_t i = 1; i < config.threads; ++i) pool.emplace_back([&io] { io.run(); });
    io.run();
    for (auto& thread : pool) thread.join();
    workers.drain();  // queued jobs use the dispatcher: finish them while it still exists
}

}  // namespace shido::http
