#pragma once
#include <array>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace shido::http {

// Request counts and a latency histogram in Prometheus text format. Process-local by
// design: each server process is scraped on its own.
class Metrics {
  public:
    void observe(const std::string& method, const std::string& route, int status, double seconds);
    std::string render() const;

  private:
    static constexpr std::array<double, 11> bucket_bounds{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                          0.1,   0.25,   0.5,   1.0,  2.5};
    mutable std::mutex mutex_;
    std::map<std::tuple<std::string, std::string, int>, unsigned long long> counts_;
    std::array<unsigned long long, bucket_bounds.size()> buckets_{};
    unsigned long long observations_ = 0;
    double sum_seconds_ = 0;
};

}  // namespace shido::http
