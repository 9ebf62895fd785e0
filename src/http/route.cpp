#include "http/route.hpp"

#include <charconv>

#include "core/error.hpp"

namespace shido::http {

const char* to_string(Access access) {
    switch (access) {
        case Access::public_route:
            return "public";
        case Access::authenticated:
            return "authenticated";
        case Access::secretariat:
            return "secretariat";
    }
    return "authenticated";
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

std::optional<std::string> ApiCall::query_param(const std::string& name) const {
    auto it = query.find(name);
    if (it == query.end()) return std::nullopt;
    return it->second;
}

}  // namespace shido::http
