#include <gtest/gtest.h>

#include "core/diagnosis/analysis.hpp"
#include "core/diagnosis/findings.hpp"
#include "support/diagnosis_fixture.hpp"

namespace shido::testing {
namespace {

using namespace core::diagnosis;

Sheet sheet(core::Id id, RespondentRole role, Answers answers) {
    return Sheet{id, role, "", "", std::move(answers)};
}

TEST(DiagnosisAnalysis, RoleGapsAndDrillDown) {
    auto owner = all("done");
    auto manager = all("done");
    auto staff1 = all("done");
    auto staff2 = all("done");
    // Item 3: owner says done, staff say not done -> gap 4.
    staff1[3] = staff2[3] = "not_done";
    // Item 7: owner done, staff half partial -> gap 1 (no drill-down by gap; not everyone done).
    staff1[7] = "partial";
    // Item 9: somebody does not know.
    manager[9] = "unknown";
    auto a =
        analyse(ipa_5min(),
                {sheet(1, RespondentRole::owner, owner), sheet(2, RespondentRole::manager, manager),
                 sheet(3, RespondentRole::staff, staff1), sheet(4, RespondentRole::staff, staff2)});
    ASSERT_EQ(a.items.size(), 25u);
    const auto& item3 = a.items[2];
    EXPECT_DOUBLE_EQ(item3.by_role.at(RespondentRole::owner).mean_points, 4.0);
    EXPECT_DOUBLE_EQ(item3.by_role.at(RespondentRole::staff).mean_points, 0.0);
    EXPECT_DOUBLE_EQ(item3.role_gap, 4.0);
    EXPECT_TRUE(item3.needs_drill_down);
    EXPECT_FALSE(item3.everyone_done);
    EXPECT_EQ(item3.all.counts.at("not_done"), 2);

    const auto& item7 = a.items[6];
    EXPECT_DOUBLE_EQ(item7.role_gap, 1.0);
    EXPECT_FALSE(item7.needs_drill_down);

    EXPECT_EQ(a.items[8].unknown_count, 1);
    EXPECT_DOUBLE_EQ(a.items[8].role_gap, 5.0);  // manager -1 against 4

    EXPECT_TRUE(a.items[0].everyone_done);
    EXPECT_TRUE(a.items[0].needs_drill_down);

    ASSERT_GE(a.gap_items.size(), 2u);
    EXPECT_EQ(a.gap_items[0], 9);  // largest gap first
    EXPECT_EQ(a.gap_items[1], 3);
    EXPECT_EQ(a.respondents.size(), 4u);
    EXPECT_EQ(a.by_role.at(RespondentRole::staff).respondents, 2);
    EXPECT_DOUBLE_EQ(a.by_role.at(RespondentRole::owner).total_mean, 100.0);
    EXPECT_DOUBLE_EQ(a.by_role.at(RespondentRole::owner).part_percent[0], 100.0);
    EXPECT_DOUBLE_EQ(a.by_role.at(RespondentRole::staff).part_percent[0], 80.0);  // 16 of 20 points
}

TEST(DiagnosisAnalysis, EmptyRound) {
    auto a = analyse(ipa_5min(), {});
    EXPECT_EQ(a.all.respondents, 0);
    EXPECT_TRUE(a.gap_items.empty());
    EXPECT_TRUE(a.drill_down_items.empty());
}

TEST(DiagnosisAnalysis, CompareRounds) {
    auto before = analyse(ipa_5min(), {sheet(1, RespondentRole::owner, all("partial"))});
    auto after = analyse(ipa_5min(), {sheet(2, RespondentRole::owner, all("done"))});
    auto c = compare(before, after);
    EXPECT_DOUBLE_EQ(c.before_total_mean, 50.0);
    EXPECT_DOUBLE_EQ(c.after_total_mean, 100.0);
    ASSERT_EQ(c.items.size(), 25u);
    EXPECT_DOUBLE_EQ(c.items[0].before_mean, 2.0);
    EXPECT_DOUBLE_EQ(c.items[0].after_mean, 4.0);
}

TEST(DiagnosisFindings, PriorityRule) {
    Finding key_low{5, "", "課題A", Level::low, Level::low, Difficulty::hard, true, 0};
    Finding urgent_hard{2, "", "課題B", Level::high, Level::high, Difficulty::hard, false, 0};
    Finding urgent_easy{9, "", "課題C", Level::high, Level::high, Difficulty::easy, false, 0};
    Finding medium{1, "", "課題D", Level::medium, Level::high, Difficulty::easy, false, 0};
    Finding unrated{4, "", "課題E", std::nullopt, std::nullopt, std::nullopt, false, 0};
    Finding empty{3, "メモだけ", "", std::nullopt, std::nullopt, std::nullopt, false, 0};
    auto sorted = prioritise({unrated, medium, urgent_hard, empty, urgent_easy, key_low});
    std::vector<int> order;
    for (const auto& f : sorted) order.push_back(f.item_no);
    EXPECT_EQ(order, (std::vector<int>{5, 9, 2, 1, 4}));
}

TEST(DiagnosisFindings, LabelsRoundTrip) {
    EXPECT_EQ(parse_level("高"), Level::high);
    EXPECT_EQ(parse_level("medium"), Level::medium);
    EXPECT_EQ(parse_difficulty("易"), Difficulty::easy);
    EXPECT_FALSE(parse_level("urgent"));
    EXPECT_EQ(label_ja(Difficulty::hard), "難");
}

}  // namespace
}  // namespace shido::testing
