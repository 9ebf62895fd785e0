#include "http/dispatcher.hpp"

#include <chrono>

#include "core/accounts/device_label.hpp"
#include "core/accounts/two_factor.hpp"
#include "core/error.hpp"
#include "core/text/utf8.hpp"
#include "http/client_address.hpp"
#include "http/errors.hpp"
#include "http/json_input.hpp"
#include "services/crypto.hpp"

namespace shido::http {

namespace {

bool changes_state(Method method) {
    return method != Method::get;
}

std::string cookie_value(std::string_view header, std::string_view name) {
    std::size_t pos = 0;
    while (pos < header.size()) {
        auto end = header.find(';', pos);
        if (end == std::string_view::npos) end = header.size();
        auto part = header.substr(pos, end - pos);
        auto first = part.find_first_not_of(' ');
        if (first != std::string_view::npos) part = part.substr(first);
        if (part.size() > name.size() && part.substr(0, name.size()) == name &&
            part[name.size()] == '=')
            return std::string(part.substr(name.size() + 1));
        pos = end + 1;
    }
    return {};
}

core::DomainError enrolment_required() {
    return core::DomainError(
        core::ErrorCode::two_factor_enrolment_required,
        "二要素認証の登録が必要です。アカウントの設定で認証アプリを登録してから"
        "ご利用ください。");
}

core::DomainError unauthenticated() {
    return core::DomainError(
        core::ErrorCode::unauthenticated,
        "ログインしていないか、ログインの有効期限が切れました。もう一度ログインしてください。");
}

constexpr const char* xlsx_content_type =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr const char* docx_content_type =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// A cross-site HTML form can send only form or plain-text bodies; requiring JSON (or CSV,
// .xlsx or .docx on upload routes) is part of the CSRF defence as well as of input checking.
void check_content_type(const restinio::request_handle_t& req, BodyType expected) {
    if (req->body().empty()) return;
    auto type = req->header().get_field_or(restinio::http_field::content_type, "");
    const char* wanted = expected == BodyType::csv    ? "text/csv"
                         : expected == BodyType::xlsx ? xlsx_content_type
                         : expected == BodyType::docx ? docx_content_type
                                                      : "application/json";
    if (type.find(wanted) == std::string::npos)
        throw core::DomainError(core::ErrorCode::bad_request, std::string("本文は Content-Type: ") +
                                                                  wanted + " で送ってください。");
}

// Login has no session yet: a cross-site form or script would arrive with a foreign Origin.
// The Origin must name one of the server's own hosts, not merely match the Host header, which
// the same attacker controls.
void check_same_origin(const restinio::request_handle_t& req,
                       const std::vector<std::string>& trusted) {
    auto origin = req->header().get_field_or(restinio::http_field::origin, "");
    if (origin.empty()) return;
    auto without_scheme =
        origin.substr(origin.find("://") == std::string::npos ? 0 : origin.find("://") + 3);
    if (!is_trusted_host(trusted, without_scheme))
        throw core::DomainError(core::ErrorCode::csrf,
                                "他のサイトからの送信は受け付けられません。");
}

void check_csrf(const restinio::request_handle_t& req,
                const services::AuthenticatedSession& session) {
    auto sent = req->header().get_field_or("X-CSRF-Token", "");
    if (!services::constant_time_equal(sent, session.csrf_token))
        throw core::DomainError(core::ErrorCode::csrf,
                                "画面の有効期限が切れたため、操作を受け付けられませんでした。画面を"
                                "再読み込みしてください。");
}

std::map<std::string, std::string> query_of(const restinio::request_handle_t& req) {
    std::map<std::string, std::string> out;
    auto parsed = restinio::try_parse_query<restinio::parse_query_traits::javascript_compatible>(
        req->header().query());
    if (!parsed)
        throw core::DomainError(core::ErrorCode::bad_request,
                                "URLのパラメーターが正しくありません。");
    for (const auto& [key, value] : *parsed) {
        if (!core::is_valid_utf8(key) || !core::is_valid_utf8(value))
            throw core::DomainError(core::ErrorCode::bad_request,
                                    "URLのパラメーターに UTF-8 として正しくない文字があります。");
        out.emplace(std::string(key), std::string(value));
    }
    return out;
}

}  // namespace

void add_common_headers(restinio::response_builder_t<restinio::restinio_controlled_output_t>& resp,
                        const std::string& request_id) {
    resp.append_header("X-Request-Id", request_id);
    resp.append_header("X-Content-Type-Options", "nosniff");
    resp.append_header("Referrer-Policy", "no-referrer");
    resp.append_header("X-Frame-Options", "DENY");
}

std::string Dispatcher::session_cookie_header(const std::string& token) const {
    return std::string(session_cookie) + "=" + token +
           "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
           std::to_string(services_.auth.config().absolute_timeout_seconds) +
           (config_.secure_cookies ? "; Secure" : "");
}

std::string Dispatcher::clear_session_cookie_header() const {
    return std::string(session_cookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" +
           (config_.secure_cookies ? "; Secure" : "");
}

std::string Dispatcher::base_url(const restinio::request_handle_t& req) const {
    return site_url(config_, trusted_hosts_,
                    req->header().get_field_or(restinio::http_field::host, ""));
}

std::string Dispatcher::client_address(const restinio::request_handle_t& req) const {
    if (config_.trust_proxy) {
        auto forwarded = req->header().get_field_or("X-Forwarded-For", "");
        if (auto address = forwarded_client_address(forwarded)) return *address;
    }
    return req->remote_endpoint().address().to_string();
}

ApiResponse Dispatcher::run(const Route& route, const restinio::request_handle_t& req,
                            ApiCall& call) {
    if (req->body().size() > config_.max_body_bytes)
        throw core::DomainError(core::ErrorCode::payload_too_large,
                                "送信されたデータが大きすぎます（上限 " +
                                    std::to_string(config_.max_body_bytes / 1024) + " KiB）。");
    auto token =
        cookie_value(req->header().get_field_or(restinio::http_field::cookie, ""), session_cookie);
    if (!token.empty()) call.session = services_.auth.authenticate(token);
    if (call.session) call.ctx.actor = services::actor_of(call.session->user);

    const Gate gate = route.access.gate;
    if (gate != Gate::public_route && !call.session) throw unauthenticated();
    // The secretariat and experts read many companies' records: until their second factor is
    // enrolled, a password alone opens nothing but the enrolment itself.
    if (gate != Gate::public_route && !route.before_enrolment &&
        core::two_factor_state(call.session->user).enrolment_required)
        throw enrolment_required();
    if (gate == Gate::secretariat && !core::is_secretariat(call.ctx.actor)) core::throw_forbidden();
    if (changes_state(route.method)) {
        check_content_type(req, route.body);
        if (gate == Gate::public_route)
            check_same_origin(req, trusted_hosts_);
        else
            check_csrf(req, *call.session);
    }
    // Access before anything reads the body: a caller without the right learns nothing from
    // validation messages.
    if (const auto& guard = route.access.guard) {
        call.grant = services_.access.grant(call.ctx, guard->anchor, call.path_id(guard->param),
                                            guard->action);
        // Opening the company's records is kept for the owner to see (core::logged_read_label).
        if (route.method == Method::get)
            services_.record_reads.note(call.ctx, *call.grant, std::string(req->header().path()));
    }
    call.query = query_of(req);
    if (route.body != BodyType::json) {
        call.raw_body = req->body();
    } else {
        call.body = parse_json_body(req->body());
    }
    call.client_address = client_address(req);
    call.user_agent =
        core::clean_user_agent(req->header().get_field_or(restinio::http_field::user_agent, ""));
    call.base_url = base_url(req);
    return route.handler(call);
}

restinio::request_handling_status_t Dispatcher::handle(
    const Route& route, const restinio::request_handle_t& req,
    std::map<std::string, std::string> path_params) {
    if (route.work == Work::light || !workers_) return respond(route, req, std::move(path_params));
    // The response is sent from the worker; RESTinio hands it back to the connection's thread.
    bool queued =
        workers_->try_post([this, &route, req, params = std::move(path_params)]() mutable {
            respond(route, req, std::move(params));
        });
    if (queued) return restinio::request_accepted();
    return send_json(req, 503,
                     error_body(core::DomainError(
                         core::ErrorCode::unavailable,
                         "ただいま混み合っています。しばらくしてからもう一度お試しください。")),
                     route.path, {{"Retry-After", "5"}});
}

restinio::request_handling_status_t Dispatcher::respond(
    const Route& route, const restinio::request_handle_t& req,
    std::map<std::string, std::string> path_params) {
    auto started = std::chrono::steady_clock::now();
    ApiCall call;
    call.ctx.request_id = services::random_token(9);
    call.path = std::move(path_params);
    ApiResponse response;
    try {
        response = run(route, req, call);
    } catch (const core::DomainError& e) {
        response = ApiResponse{status_of(e.code()), error_body(e), {}};
        if (e.code() == core::ErrorCode::unauthenticated &&
            !route.path.starts_with("/api/v1/auth/login"))
            response.headers.emplace_back("Set-Cookie", clear_session_cookie_header());
    } catch (const std::exception& e) {
        logger_.log(
            LogLevel::error, "request failed",
            {{"request_id", call.ctx.request_id}, {"route", route.path}, {"error", e.what()}});
        response = ApiResponse{
            500,
            error_body(core::DomainError(
                core::ErrorCode::internal,
                "サーバーで問題が発生しました。時間をおいて再度お試しください。（問い合わせ番号: " +
                    call.ctx.request_id + "）")),
            {}};
    }

    auto resp = req->create_response(restinio::http_status_line_t{
        restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
        reason_phrase(response.status)});
    add_common_headers(resp, call.ctx.request_id);
    resp.append_header("Cache-Control", "no-store");
    for (const auto& [name, value] : response.headers) resp.append_header(name, value);
    if (response.json_text) {
        resp.append_header(restinio::http_field::content_type, "application/json; charset=utf-8");
        resp.set_body(std::move(*response.json_text));
    } else if (response.file) {
        resp.append_header(restinio::http_field::content_type, response.file_type);
        resp.set_body(std::move(*response.file));
    } else if (response.body) {
        resp.append_header(restinio::http_field::content_type, "application/json; charset=utf-8");
        resp.set_body(
            response.body->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
    // Counted before the response leaves, so a client that reads /metrics right after its
    // request always finds it there.
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    metrics_.observe(to_string(route.method), route.path, response.status, seconds);
    auto status = resp.done();
    // One line per API request at info level; 5xx at error level so they surface with --log-level
    // warn.
    LogLevel level = response.status >= 500 ? LogLevel::error : LogLevel::info;
    if (logger_.enabled(level)) {
        logger_.log(level, "request",
                    {{"request_id", call.ctx.request_id},
                     {"method", to_string(route.method)},
                     {"route", route.path},
                     {"status", response.status},
                     {"ms", seconds * 1000.0},
                     {"user_id", call.ctx.actor.user_id}});
    }
    return status;
}

restinio::request_handling_status_t Dispatcher::send_text(const restinio::request_handle_t& req,
                                                          int status, std::string content_type,
                                                          std::string body,
                                                          const std::string& route_label,
                                                          const Headers& headers) {
    auto started = std::chrono::steady_clock::now();
    auto request_id = services::random_token(9);
    auto resp = req->create_response(restinio::http_status_line_t{
        restinio::http_status_code_t{static_cast<std::uint16_t>(status)}, reason_phrase(status)});
    add_common_headers(resp, request_id);
    resp.append_header("Cache-Control", "no-store");
    resp.append_header(restinio::http_field::content_type, std::move(content_type));
    for (const auto& [name, value] : headers) resp.append_header(name, value);
    resp.set_body(std::move(body));
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    metrics_.observe(std::string(req->header().method().c_str()), route_label, status, seconds);
    return resp.done();
}

restinio::request_handling_status_t Dispatcher::send_json(const restinio::request_handle_t& req,
                                                          int status, const nlohmann::json& body,
                                                          const std::string& route_label,
                                                          const Headers& headers) {
    return send_text(req, status, "application/json; charset=utf-8", body.dump(), route_label,
                     headers);
}

}  // namespace shido::http
