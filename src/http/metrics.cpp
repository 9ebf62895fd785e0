#include "http/metrics.hpp"

#include <fmt/format.h>

namespace shido::http {

void Metrics::observe(const std::string& method, const std::string& route, int status,
                      double seconds) {
    std::lock_guard lock(mutex_);
    ++counts_[{method, route, status}];
    for (std::size_t i = 0; i < bucket_bounds.size(); ++i)
        if (seconds <= bucket_bounds[i]) ++buckets_[i];
    ++observations_;
    sum_seconds_ += seconds;
}

std::string Metrics::render() const {
    std::lock_guard lock(mutex_);
    std::string out =
        "# HELP shido_http_requests_total HTTP requests by method, route and status.\n"
        "# TYPE shido_http_requests_total counter\n";
    for (const auto& [key, count] : counts_) {
        const auto& [method, route, status] = key;
        out += fmt::format(
            "shido_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n", method,
            route, status, count);
    }
    out +=
        "# HELP shido_http_request_duration_seconds Time from request to response.\n"
        "# TYPE shido_http_request_duration_seconds histogram\n";
    for (std::size_t i = 0; i < bucket_bounds.size(); ++i)
        out += fmt::format("shido_http_request_duration_seconds_bucket{{le=\"{}\"}} {}\n",
                           bucket_bounds[i], buckets_[i]);
    out += fmt::format("shido_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {}\n",
                       observations_);
    out += fmt::format("shido_http_request_duration_seconds_sum {}\n", sum_seconds_);
    out += fmt::format("shido_http_request_duration_seconds_count {}\n", observations_);
    return out;
}

}  // namespace shido::http
