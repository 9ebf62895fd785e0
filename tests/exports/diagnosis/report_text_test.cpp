#include <gtest/gtest.h>

#include "exports/diagnosis/report_text.hpp"
#include "support/report_fixture.hpp"

namespace shido::exports {
namespace {

TEST(ReportText, BandOfMeanCountsOnlyWholePointsReached) {
    const auto& instrument = testing::real_instrument();
    EXPECT_EQ(band_of_mean(instrument, 100.0)->key, "reached");
    EXPECT_EQ(band_of_mean(instrument, 99.99999999)->key, "reached");  // binary noise
    EXPECT_EQ(band_of_mean(instrument, 99.6)->key, "partly");
    EXPECT_EQ(band_of_mean(instrument, 69.6)->key, "insufficient");
    EXPECT_EQ(band_of_mean(instrument, -25.0)->key, "danger");
    EXPECT_EQ(band_of_mean(instrument, 101.0), nullptr);
}

TEST(ReportText, DecimalHasNoNegativeZero) {
    EXPECT_EQ(decimal(3.25, 1), "3.2");
    EXPECT_EQ(decimal(-0.04, 1), "0.0");
    EXPECT_EQ(decimal(-1.0, 1), "-1.0");
    EXPECT_EQ(decimal(72.0, 0), "72");
}

TEST(ReportText, DateInJapanese) {
    EXPECT_EQ(date_ja("2025-06-01"), "2025年6月1日");
    EXPECT_EQ(date_ja("2025-12-31"), "2025年12月31日");
    EXPECT_EQ(date_ja("未定"), "未定");
    EXPECT_EQ(date_ja("2025-13-01"), "2025-13-01");
}

TEST(ReportText, RolesInFixedOrder) {
    core::diagnosis::RoundAnalysis analysis;
    analysis.by_role[core::diagnosis::RespondentRole::staff].respondents = 2;
    analysis.by_role[core::diagnosis::RespondentRole::owner].respondents = 1;
    analysis.by_role[core::diagnosis::RespondentRole::manager].respondents = 0;
    const auto roles = roles_answered(analysis);
    ASSERT_EQ(roles.size(), 2u);
    EXPECT_EQ(roles[0], core::diagnosis::RespondentRole::owner);
    EXPECT_EQ(roles[1], core::diagnosis::RespondentRole::staff);
}

}  // namespace
}  // namespace shido::exports
