// Not a test: times write_summary_xlsx() for a 50-respondent round (bench/export_bench.sh).
// Usage: shido_export_timing [exports=200] [respondents=50]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "exports/diagnosis/summary_xlsx.hpp"
#include "support/report_fixture.hpp"

int main(int argc, char** argv) {
    const int exports = argc > 1 ? std::atoi(argv[1]) : 200;
    const int respondents = argc > 2 ? std::atoi(argv[2]) : 50;
    if (exports < 1 || respondents < 0) {
        std::fprintf(stderr, "usage: shido_export_timing [exports] [respondents]\n");
        return 2;
    }
    const auto report = shido::testing::make_report("株式会社ベンチマーク",
                                                    shido::testing::generated_sheets(respondents),
                                                    shido::testing::sample_findings());
    std::size_t bytes = shido::exports::write_summary_xlsx(report).size();  // warm-up
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < exports; ++i) bytes = shido::exports::write_summary_xlsx(report).size();
    const std::chrono::duration<double, std::milli> elapsed =
        std::chrono::steady_clock::now() - start;
    std::printf("libxlsxwriter: %d exports, %d respondents, %zu bytes, %.3f ms per export\n",
                exports, respondents, bytes, elapsed.count() / exports);
    return 0;
}
