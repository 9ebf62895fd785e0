#include <gtest/gtest.h>

#include "core/diagnosis/scoring.hpp"
#include "support/diagnosis_fixture.hpp"

namespace shido::testing {
namespace {

using core::diagnosis::Answers;
using core::diagnosis::score;

// Total built from a number of each answer: 4 / 2 / 0 / -1 points.
Answers mix(int done, int partial, int not_done, int unknown) {
    Answers answers;
    int no = 1;
    for (auto [count, key] : {std::pair{done, "done"}, std::pair{partial, "partial"},
                              std::pair{not_done, "not_done"}, std::pair{unknown, "unknown"}})
        for (int i = 0; i < count; ++i) answers[no++] = key;
    return answers;
}

TEST(DiagnosisScoring, PointsPerChoice) {
    const auto& ipa = ipa_5min();
    EXPECT_EQ(score(ipa, all("done")).total, 100);
    EXPECT_EQ(score(ipa, all("partial")).total, 50);
    EXPECT_EQ(score(ipa, all("not_done")).total, 0);
    EXPECT_EQ(score(ipa, all("unknown")).total, -25);
    EXPECT_EQ(score(ipa, all("unknown")).unknown_count, 25);
    EXPECT_EQ(ipa.max_total(), 100);
    EXPECT_EQ(ipa.min_total(), -25);
}

TEST(DiagnosisScoring, BandEdges) {
    const auto& ipa = ipa_5min();
    struct Case {
        Answers answers;
        int total;
        const char* band;
    } cases[] = {
        {mix(25, 0, 0, 0), 100, "reached"},      {mix(24, 1, 0, 0), 98, "partly"},
        {mix(24, 0, 0, 1), 95, "partly"},        {mix(17, 1, 7, 0), 70, "partly"},
        {mix(17, 0, 7, 1), 67, "insufficient"},  {mix(17, 0, 8, 0), 68, "insufficient"},
        {mix(12, 1, 12, 0), 50, "insufficient"}, {mix(12, 0, 12, 1), 47, "danger"},
        {mix(12, 0, 13, 0), 48, "danger"},       {mix(0, 0, 0, 25), -25, "danger"},
    };
    for (const auto& c : cases) {
        auto s = score(ipa, c.answers);
        EXPECT_EQ(s.total, c.total);
        EXPECT_EQ(s.band_key, c.band) << "total " << s.total;
        EXPECT_TRUE(s.complete);
    }
    // The exact edges, straight from the band table.
    using core::diagnosis::band_for;
    EXPECT_EQ(band_for(ipa, 100).key, "reached");
    EXPECT_EQ(band_for(ipa, 99).key, "partly");
    EXPECT_EQ(band_for(ipa, 70).key, "partly");
    EXPECT_EQ(band_for(ipa, 69).key, "insufficient");
    EXPECT_EQ(band_for(ipa, 50).key, "insufficient");
    EXPECT_EQ(band_for(ipa, 49).key, "danger");
    EXPECT_EQ(band_for(ipa, -25).key, "danger");
    EXPECT_THROW(band_for(ipa, 101), std::invalid_argument);
}

TEST(DiagnosisScoring, PartScores) {
    const auto& ipa = ipa_5min();
    auto s = score(ipa, all("done"));
    ASSERT_EQ(s.parts.size(), 3u);
    EXPECT_EQ(s.parts[0].points, 20);  // items 1-5
    EXPECT_EQ(s.parts[1].points, 52);  // items 6-18
    EXPECT_EQ(s.parts[2].points, 28);  // items 19-25
    EXPECT_EQ(s.parts[1].max_points, 52);
    EXPECT_EQ(s.parts[1].min_points, -13);
    Answers one_unknown_in_part3 = all("done");
    one_unknown_in_part3[25] = "unknown";
    auto t = score(ipa, one_unknown_in_part3);
    EXPECT_EQ(t.parts[2].points, 23);
    EXPECT_EQ(t.total, 95);
}

TEST(DiagnosisScoring, IncompleteSheetsScoreWhatIsAnswered) {
    auto s = score(ipa_5min(), Answers{{1, "done"}, {2, "unknown"}});
    EXPECT_EQ(s.total, 3);
    EXPECT_EQ(s.answered, 2);
    EXPECT_FALSE(s.complete);
}

TEST(DiagnosisScoring, UnknownItemOrChoiceIsRefused) {
    EXPECT_THROW(score(ipa_5min(), Answers{{26, "done"}}), std::invalid_argument);
    EXPECT_THROW(score(ipa_5min(), Answers{{1, "yes"}}), std::invalid_argument);
}

}  // namespace
}  // namespace shido::testing
