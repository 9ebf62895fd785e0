#include "http/route.hpp"

#include <cctype>
#include <charconv>
#include <stdexcept>

#include "core/error.hpp"

namespace shido::http {

const char* to_string(Gate gate) {
    switch (gate) {
        case Gate::public_route:
            return "public";
        case Gate::authenticated:
            return "authenticated";
        case Gate::secretariat:
            return "secretariat";
        case Gate::engagement:
            return "engagement";
    }
    return "authenticated";
}

Access on(core::Anchor anchor, core::EngagementAction action, std::string param) {
    return Access{Gate::engagement, EngagementGuard{anchor, action, std::move(param)}};
}

Route heavy(Route route) {
    route.work = Work::heavy;
    return route;
}

Route before_enrolment(Route route) {
    route.before_enrolment = true;
    return route;
}

const services::EngagementGrant& ApiCall::engagement() const {
    if (!grant) throw std::logic_error("route declared no engagement access");
    return *grant;
}

const char* to_string(Method method) {
    switch (method) {
        case Method::get:
            return "GET";
        case Method::post:
            return "POST";
        case Method::patch:
            return "PATCH";
        case Method::put:
            return "PUT";
        case Method::del:
            return "DELETE";
    }
    return "GET";
}

namespace {
std::optional<core::Id> positive_id(const std::string& text) {
    core::Id id = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec == std::errc() && ptr == text.data() + text.size() && id > 0) return id;
    return std::nullopt;
}
}  // namespace

core::Id ApiCall::path_id(const std::string& name) const {
    auto it = path.find(name);
    if (it != path.end())
        if (auto id = positive_id(it->second)) return *id;
    core::throw_not_found("指定されたデータ");
}

std::optional<core::Id> ApiCall::query_id(const std::string& name) const {
    auto text = query_param(name);
    if (!text || text->empty()) return std::nullopt;
    if (auto id = positive_id(*text)) return id;
    throw core::DomainError(core::ErrorCode::validation, "URLのパラメーターが正しくありません。",
                            {{name, "正の整数で指定してください。"}});
}

std::optional<int> ApiCall::query_version() const {
    auto text = query_param("version");
    if (!text || text->empty()) return std::nullopt;
    int version = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), version);
    if (ec != std::errc() || end != text->data() + text->size() || version < 0)
        throw core::DomainError(core::ErrorCode::validation, "入力内容に誤りがあります。",
                                {{"version", "0 以上の整数で指定してください。"}});
    return version;
}

core::PageRequest ApiCall::page() const {
    core::PageRequest page;
    if (auto after = query_param("after"); after && !after->empty()) page.after = *after;
    if (auto limit = query_param("limit"); limit && !limit->empty()) {
        auto value = positive_id(*limit);
        if (!value || *value > core::max_page_size)
            throw core::DomainError(core::ErrorCode::validation,
                                    "URLのパラメーターが正しくありません。",
                                    {{"limit", "1から" + std::to_string(core::max_page_size) +
                                                   "の整数で指定してください。"}});
        page.limit = static_cast<int>(*value);
    }
    return page;
}

namespace {
// RFC 5987: a UTF-8 file name (Japanese) in Content-Disposition.
std::string percent_encoded(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char ch : text) {
        if (std::isalnum(ch) || ch == '.' || ch == '-' || ch == '_') {
            out.push_back(static_cast<char>(ch));
        } else {
            out += '%';
            out += hex[ch >> 4];
            out += hex[ch & 15];
        }
    }
    return out;
}
}  // namespace

ApiResponse json_text_response(int status, std::string json) {
    ApiResponse response;
    response.status = status;
    response.json_text = std::move(json);
    return response;
}

ApiResponse file_response(std::string bytes, std::string content_type,
                          const std::string& file_name) {
    ApiResponse response;
    response.file = std::move(bytes);
    response.file_type = std::move(content_type);
    response.headers.emplace_back(
        "Content-Disposition",
        "attachment; filename=\"download\"; filename*=UTF-8''" + percent_encoded(file_name));
    return response;
}

std::optional<std::string> ApiCall::query_param(const std::string& name) const {
    auto it = query.find(name);
    if (it == query.end()) return std::nullopt;
    return it->second;
}

}  // namespace shido::http
