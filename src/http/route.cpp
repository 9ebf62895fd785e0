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

core::Id ApiCall::path_id(const std::string& name) const {
    auto it = path.find(name);
    core::Id id = 0;
    if (it != path.end()) {
        auto [ptr, ec] =
            std::from_chars(it->second.data(), it->second.data() + it->second.size(), id);
        if (ec == std::errc() && ptr == it->second.data() + it->second.size() && id > 0) return id;
    }
    core::throw_not_found("指定されたデータ");
}

std::optional<std::string> ApiCall::query_param(const std::string& name) const {
    auto it = query.find(name);
    if (it == query.end()) return std::nullopt;
    return it->second;
}

}  // namespace shido::http
