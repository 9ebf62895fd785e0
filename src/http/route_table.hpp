#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "http/route.hpp"

namespace shido::http {

// Matches a request path against the API routes segment by segment: `{token}` takes a
// URL-safe token, any other `{name}` a decimal number. Cheaper and more predictable than
// trying a regular expression per route on every request.
class RouteTable {
  public:
    // Throws std::logic_error at start when a route under an anchored record (an engagement, a
    // round…) does not declare the engagement action it needs: none can be forgotten.
    explicit RouteTable(const std::vector<Route>& routes);

    struct Match {
        const Route* route = nullptr;
        std::map<std::string, std::string> params;
        std::string allowed;  // when the path exists but not for this method (405): "GET, PUT"
    };
    Match match(Method method, std::string_view path) const;

  private:
    struct Entry {
        const Route* route;
        std::vector<std::string> segments;
    };
    std::vector<Entry> entries_;
};

std::vector<std::string_view> split_path(std::string_view path);

}  // namespace shido::http
