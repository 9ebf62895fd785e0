// Route matching on the real API table: the table is read from `shido routes` (the file named
// by SHIDO_FUZZ_ROUTES), so the fuzzer always sees today's routes. The first byte picks the
// method, the rest is the path.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/access/access_policy.hpp"
#include "core/access/anchor.hpp"
#include "fuzz_check.hpp"
#include "http/route_table.hpp"

namespace {

using shido::http::Access;
using shido::http::Method;
using shido::http::Route;

constexpr Method methods[] = {Method::get, Method::post, Method::patch, Method::put, Method::del};

template <typename Enum, std::size_t N>
Enum named(const Enum (&all)[N], const std::string& key) {
    for (auto value : all)
        if (shido::core::to_string(value) == key) return value;
    std::fprintf(stderr, "routes file: unknown name %s\n", key.c_str());
    std::abort();
}

Method method_named(const std::string& name) {
    for (auto method : methods)
        if (name == shido::http::to_string(method)) return method;
    std::fprintf(stderr, "routes file: unknown method %s\n", name.c_str());
    std::abort();
}

Access access_of(const nlohmann::json& entry) {
    auto gate = entry.at("access").get<std::string>();
    if (gate == "public") return Access::public_route;
    if (gate == "secretariat") return Access::secretariat;
    if (gate == "authenticated") return Access::authenticated;
    return shido::http::on(named(shido::core::all_anchors, entry.at("anchor")),
                           named(shido::core::all_engagement_actions, entry.at("action")),
                           entry.at("param"));
}

std::vector<Route> read_routes() {
    const char* file = std::getenv("SHIDO_FUZZ_ROUTES");
    if (!file) {
        std::fprintf(stderr, "SHIDO_FUZZ_ROUTES must name the output of `shido routes`\n");
        std::abort();
    }
    std::vector<Route> routes;
    for (const auto& entry : nlohmann::json::parse(std::ifstream(file)))
        routes.push_back(
            Route{method_named(entry.at("method")), entry.at("path"), access_of(entry), nullptr});
    return routes;
}

const std::vector<Route>& routes() {
    static const auto all = read_routes();
    return all;
}

const shido::http::RouteTable& table() {
    static const shido::http::RouteTable built(routes());
    return built;
}

bool all_digits(const std::string& text) {
    for (unsigned char c : text)
        if (!std::isdigit(c)) return false;
    return !text.empty();
}

bool is_item_key(const std::string& text) {
    if (text.empty() || text.size() > 32) return false;
    for (unsigned char c : text)
        if (!(std::islower(c) || std::isdigit(c) || c == '.')) return false;
    return true;
}

bool is_url_token(const std::string& text) {
    for (unsigned char c : text)
        if (!std::isalnum(c) && c != '-' && c != '_') return false;
    return !text.empty() && text.size() <= 128;
}

// The route's pattern with the matched values put back: must give the path's own segments.
std::string rebuilt_path(const Route& route, const shido::http::RouteTable::Match& match) {
    std::string out;
    for (auto segment : shido::http::split_path(route.path)) {
        out += '/';
        if (segment.front() == '{')
            out += match.params.at(std::string(segment.substr(1, segment.size() - 2)));
        else
            out += segment;
    }
    return out;
}

std::string joined(std::string_view path) {
    std::string out;
    for (auto segment : shido::http::split_path(path)) out += "/" + std::string(segment);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    FUZZ_CHECK(routes().size() > 10);
    (void)table();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    auto method = methods[data[0] % std::size(methods)];
    std::string_view path(reinterpret_cast<const char*>(data) + 1, size - 1);
    auto match = table().match(method, path);
    if (!match.route) return 0;
    FUZZ_CHECK(match.route->method == method);
    for (const auto& [name, value] : match.params)
        if (name == "token")
            FUZZ_CHECK(is_url_token(value));
        else if (name == "item_key")
            FUZZ_CHECK(is_item_key(value));
        else
            FUZZ_CHECK(all_digits(value) && value.size() <= 18);
    FUZZ_CHECK(rebuilt_path(*match.route, match) == joined(path));
    return 0;
}
