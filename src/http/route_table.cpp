#include "http/route_table.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>

namespace shido::http {

namespace {

bool is_parameter(std::string_view segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool matches_parameter(std::string_view name, std::string_view value) {
    if (value.empty() || value.size() > 128) return false;
    if (name == "{token}") {
        return std::all_of(value.begin(), value.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                   c == '-' || c == '_';
        });
    }
    // A signed-in session's public id (services::random_hex(16)): never a literal segment such as
    // /me/sessions/sign-out-others.
    if (name == "{session_id}") {
        return value.size() == 32 && std::all_of(value.begin(), value.end(), [](char c) {
                   return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
               });
    }
    // The key of a hearing sheet item ("5.3", or "x12" for one the expert added).
    if (name == "{item_key}") {
        return value.size() <= 32 && std::all_of(value.begin(), value.end(), [](char c) {
                   return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.';
               });
    }
    return value.size() <= 18 &&
           std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The path under which each anchor's records live. A route below one of them touches that
// record's engagement, so it must declare an engagement action on that anchor.
std::string anchor_path(core::Anchor anchor) {
    switch (anchor) {
        case core::Anchor::engagement:
            return "/api/v1/engagements/{id}";
        case core::Anchor::diagnosis_round:
            return "/api/v1/diagnosis/rounds/{id}";
        case core::Anchor::respondent:
            return "/api/v1/diagnosis/respondents/{id}";
        case core::Anchor::company:
            return "/api/v1/companies/{id}";
    }
    return {};
}

// Whether `path` lies under `anchor`'s path, comparing segment by segment so that any
// parameter name at the id's place counts ("/engagements/{engagement}/…" is under
// "/engagements/{id}"). Gives the parameter's name, or nothing when not under it.
std::optional<std::string> parameter_under(const std::string& path, const std::string& anchor) {
    auto route = split_path(path), prefix = split_path(anchor);
    if (route.size() < prefix.size()) return std::nullopt;
    std::string parameter;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (is_parameter(prefix[i])) {
            if (!is_parameter(route[i])) return std::nullopt;
            parameter = std::string(route[i].substr(1, route[i].size() - 2));
        } else if (prefix[i] != route[i]) {
            return std::nullopt;
        }
    }
    return parameter;
}

void check_declared_access(const Route& route) {
    auto where = std::string(to_string(route.method)) + " " + route.path;
    const auto& guard = route.access.guard;
    if ((route.access.gate == Gate::engagement) != guard.has_value())
        throw std::logic_error(where + ": an engagement gate needs a guard, and only it");
    if (guard && route.path.find("{" + guard->param + "}") == std::string::npos)
        throw std::logic_error(where + ": no path parameter {" + guard->param + "}");
    // Secretariat-only routes need no guard: the policy lets the secretariat do everything.
    if (route.access.gate == Gate::secretariat) return;
    for (auto anchor : core::all_anchors) {
        auto parameter = parameter_under(route.path, anchor_path(anchor));
        if (!parameter) continue;
        if (!guard || guard->anchor != anchor || guard->param != *parameter)
            throw std::logic_error(where + ": must declare an engagement action on " +
                                   std::string(core::to_string(anchor)) + " by {" + *parameter +
                                   "}");
    }
}

}  // namespace

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        auto end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        if (end > start) segments.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return segments;
}

RouteTable::RouteTable(const std::vector<Route>& routes) {
    for (const auto& route : routes) {
        check_declared_access(route);
        Entry entry{&route, {}};
        for (auto segment : split_path(route.path)) entry.segments.emplace_back(segment);
        entries_.push_back(std::move(entry));
    }
}

RouteTable::Match RouteTable::match(Method method, std::string_view path) const {
    Match result;
    auto segments = split_path(path);
    for (const auto& entry : entries_) {
        if (entry.segments.size() != segments.size()) continue;
        std::map<std::string, std::string> params;
        bool ok = true;
        for (std::size_t i = 0; ok && i < segments.size(); ++i) {
            const auto& pattern = entry.segments[i];
            if (is_parameter(pattern)) {
                ok = matches_parameter(pattern, segments[i]);
                if (ok) params.emplace(pattern.substr(1, pattern.size() - 2), segments[i]);
            } else {
                ok = pattern == segments[i];
            }
        }
        if (!ok) continue;
        if (entry.route->method != method) {
            result.allowed +=
                (result.allowed.empty() ? "" : ", ") + std::string(to_string(entry.route->method));
            continue;
        }
        result.route = entry.route;
        result.params = std::move(params);
        return result;
    }
    return result;
}

}  // namespace shido::http
