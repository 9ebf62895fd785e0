#include "http/static_files.hpp"

#include "http/content_encoding.hpp"
#include "http/dispatcher.hpp"
#include "services/crypto.hpp"

namespace shido::http {

namespace {

constexpr const char* content_security_policy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' "
    "data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action "
    "'self'";

bool is_safe(std::string_view path) {
    return !path.empty() && path.front() == '/' && path.find("..") == std::string_view::npos &&
           path.find('\\') == std::string_view::npos && path.find('%') == std::string_view::npos &&
           path.find('\0') == std::string_view::npos;
}

restinio::request_handling_status_t not_found(const restinio::request_handle_t& req) {
    auto resp = req->create_response(restinio::status_not_found());
    add_common_headers(resp, services::random_token(9));
    resp.append_header(restinio::http_field::content_type, "text/plain; charset=utf-8");
    resp.set_body("ページが見つかりません。");
    return resp.done();
}

}  // namespace

std::string_view content_type_for(const std::filesystem::path& file) {
    auto ext = file.extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".json") return "application/json; charset=utf-8";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".ico") return "image/x-icon";
    if (ext == ".woff2") return "font/woff2";
    if (ext == ".txt") return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

restinio::request_handling_status_t serve_static(const restinio::request_handle_t& req,
                                                 const std::filesystem::path& root) {
    if (req->header().method() != restinio::http_method_get() &&
        req->header().method() != restinio::http_method_head())
        return not_found(req);
    std::string_view path = req->header().path();
    if (!is_safe(path)) return not_found(req);
    std::filesystem::path file = root / std::filesystem::path(path).relative_path();
    std::error_code ec;
    if (path == "/" || std::filesystem::is_directory(file, ec)) file = root / "index.html";
    if (!std::filesystem::is_regular_file(file, ec)) {
        if (std::filesystem::path(path).has_extension()) return not_found(req);
        file = root / "index.html";  // a client-side route
        if (!std::filesystem::is_regular_file(file, ec)) return not_found(req);
    }
    auto resp = req->create_response();
    add_common_headers(resp, services::random_token(9));
    resp.append_header(restinio::http_field::content_type, std::string(content_type_for(file)));
    const bool is_html = file.extension() == ".html";
    // The build writes .br and .gz next to each text asset; send the smallest one accepted.
    auto accepted = parse_accept_encoding(
        req->header().get_field_or(restinio::http_field::accept_encoding, ""));
    auto with_suffix = [&file](const char* suffix) {
        std::error_code missing;
        auto candidate = file;
        candidate += suffix;
        return std::filesystem::is_regular_file(candidate, missing) ? candidate
                                                                    : std::filesystem::path();
    };
    auto brotli = with_suffix(".br"), gzip = with_suffix(".gz");
    resp.append_header(restinio::http_field::vary, "Accept-Encoding");
    switch (choose_encoding(accepted, !brotli.empty(), !gzip.empty())) {
        case Encoding::brotli:
            resp.append_header(restinio::http_field::content_encoding, "br");
            file = brotli;
            break;
        case Encoding::gzip:
            resp.append_header(restinio::http_field::content_encoding, "gzip");
            file = gzip;
            break;
        case Encoding::identity:
            break;
    }
    bool hashed_asset = path.starts_with("/assets/");
    resp.append_header("Cache-Control",
                       hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
    if (is_html) resp.append_header("Content-Security-Policy", content_security_policy);
    resp.set_body(restinio::sendfile(file.string()));
    return resp.done();
}

}  // namespace shido::http
