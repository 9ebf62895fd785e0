#include "http/server.hpp"

#include <csignal>
#include <thread>

#include <restinio/all.hpp>

#include "http/api_routes.hpp"
#include "http/dispatcher.hpp"
#include "http/static_files.hpp"
#include "storage/database.hpp"

namespace shido::http::embedded {
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_files();
}

namespace shido::http {

namespace {

using router_t = restinio::router::express_router_t<>;
using traits_t =
    restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t, router_t>;

restinio::http_method_id_t method_id(Method method) {
    switch (method) {
        case Method::get:
            return restinio::http_method_get();
        case Method::post:
            return restinio::http_method_post();
        case Method::patch:
            return restinio::http_method_patch();
        case Method::put:
            return restinio::http_method_put();
        case Method::del:
            return restinio::http_method_delete();
    }
    return restinio::http_method_get();
}

// /api/v1/engagements/{id} → /api/v1/engagements/:id(\d+)
std::string express_pattern(const std::string& path) {
    std::string out;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] != '{') {
            out.push_back(path[i]);
            continue;
        }
        auto close = path.find('}', i);
        auto name = path.substr(i + 1, close - i - 1);
        out += ":" + name + (name == "token" ? "([A-Za-z0-9_-]+)" : "(\\d+)");
        i = close;
    }
    return out;
}

bool database_answers(services::Services& services) {
    try {
        storage::Connection c(services.env.db);
        int one = 0;
        c.sql() << "SELECT 1", soci::into(one);
        return one == 1;
    } catch (const std::exception&) {
        return false;
    }
}

std::unique_ptr<router_t> build_router(services::Services& services, const ServerConfig& config,
                                       Dispatcher& dispatcher, const std::vector<Route>& routes) {
    auto router = std::make_unique<router_t>();
    for (const auto& route : routes) {
        router->add_handler(method_id(route.method), express_pattern(route.path),
                            [&dispatcher, &route](auto req, auto params) {
                                return dispatcher.handle(route, req, params);
                            });
    }
    router->http_get("/healthz", [&dispatcher, &services](auto req, auto) {
        bool ok = database_answers(services);
        return dispatcher.send_json(req, ok ? 200 : 503,
                                    {{"status", ok ? "ok" : "database_unavailable"}}, "/healthz");
    });
    // Liveness without touching the database: the benchmark's baseline for a trivial request.
    router->http_get("/livez", [&dispatcher](auto req, auto) {
        return dispatcher.send_json(req, 200, {{"status", "alive"}}, "/livez");
    });
    router->http_get("/metrics", [&dispatcher](auto req, auto) {
        return dispatcher.send_text(req, 200, "text/plain; version=0.0.4; charset=utf-8",
                                    dispatcher.metrics().render(), "/metrics");
    });
    router->http_get("/api/openapi.json", [&dispatcher](auto req, auto) {
        return dispatcher.send_text(req, 200, "application/json; charset=utf-8",
                                    std::string(openapi_document()), "/api/openapi.json");
    });
    router->non_matched_request_handler([&dispatcher, &config](auto req) {
        if (req->header().path().starts_with("/api/")) {
            return dispatcher.send_json(
                req, 404,
                {{"error", {{"code", "not_found"}, {"message", "指定されたAPIは存在しません。"}}}},
                "unmatched");
        }
        return serve_static(req, config.static_dir);
    });
    return router;
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
    for (const auto& route : api_routes(services, dispatcher))
        info.push_back({to_string(route.method), route.path, to_string(route.access)});
    return info;
}

void run_server(services::Services& services, const ServerConfig& config, const Logger& logger) {
    Metrics metrics;
    Dispatcher dispatcher(services, config, logger, metrics);
    const auto routes = api_routes(services, dispatcher);

    asio::io_context io;
    restinio::server_settings_t<traits_t> settings;
    settings.address(config.listen_address)
        .port(config.port)
        .request_handler(build_router(services, config, dispatcher, routes))
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
                        {"threads", config.threads}});
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
}

}  // namespace shido::http
