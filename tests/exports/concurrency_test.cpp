#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "exports/diagnosis/invitation_pdf.hpp"
#include "exports/diagnosis/report_pdf.hpp"
#include "exports/diagnosis/summary_xlsx.hpp"
#include "support/report_fixture.hpp"

namespace shido::exports {
namespace {

// The server renders exports on several worker threads at once.
TEST(Exports, RenderOnSeveralThreadsAtOnce) {
    const auto report = testing::make_report("株式会社サンプル", testing::five_sheets(),
                                             testing::sample_findings());
    core::diagnosis::InvitationSheet sheet;
    sheet.company_name = "株式会社サンプル";
    for (int i = 0; i < 3; ++i)
        sheet.invitations.push_back({core::diagnosis::RespondentRole::staff, "", "",
                                     "https://shido.example.jp/a/t" + std::to_string(i)});
    std::atomic<int> good{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 2; ++i) {
                const bool ok = render_report_pdf(report).starts_with("%PDF-") &&
                                render_invitation_pdf(sheet).starts_with("%PDF-") &&
                                write_summary_xlsx(report).starts_with("PK");
                if (ok) ++good;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(good.load(), 8);
}

}  // namespace
}  // namespace shido::exports
