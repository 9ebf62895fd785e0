// The rules check's own logic: result keys, the summary, the link to the action plan, the
// document state, and the validation of one row.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/rules/rules_check.hpp"

namespace shido::core::rules {
namespace {

RulesRow row_with(int no, std::optional<ReviewResult> result) {
    RulesRow row;
    row.category_no = no;
    row.category_key = category_key("ipa-3.1", no);
    row.result = result;
    return row;
}

TEST(RulesCheck, ResultKeysRoundTripAndUnknownKeysAreRefused) {
    for (auto result : review_results) EXPECT_EQ(parse_review_result(key_of(result)), result);
    EXPECT_EQ(key_of(ReviewResult::new_rule), "new");
    EXPECT_FALSE(parse_review_result("maybe"));
    EXPECT_FALSE(parse_review_result(""));
}

TEST(RulesCheck, OnlyNewAndRevisedFeedTheActionPlan) {
    EXPECT_TRUE(feeds_action_plan(ReviewResult::new_rule));
    EXPECT_TRUE(feeds_action_plan(ReviewResult::revised));
    EXPECT_FALSE(feeds_action_plan(ReviewResult::unchanged));
    EXPECT_FALSE(feeds_action_plan(ReviewResult::not_needed));
}

TEST(RulesCheck, CategoryKeyIsTheEditionAndTheNumber) {
    EXPECT_EQ(category_key("ipa-3.1", 11), "ipa-3.1/11");
    auto rows = blank_rows("ipa-3.1", 3);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[2].category_no, 3);
    EXPECT_EQ(rows[2].category_key, "ipa-3.1/3");
    EXPECT_FALSE(rows[0].result);
}

TEST(RulesCheck, SummaryCountsEachResultAndTheUnset) {
    std::vector<RulesRow> rows{row_with(1, ReviewResult::new_rule), row_with(2, std::nullopt),
                               row_with(3, ReviewResult::revised),
                               row_with(4, ReviewResult::new_rule),
                               row_with(5, ReviewResult::not_needed)};
    auto s = summarise(rows);
    EXPECT_EQ(s.total, 5);
    EXPECT_EQ(s.unset, 1);
    EXPECT_EQ(s.by_result[index_of(ReviewResult::new_rule)], 2);
    EXPECT_EQ(s.by_result[index_of(ReviewResult::revised)], 1);
    EXPECT_EQ(s.by_result[index_of(ReviewResult::unchanged)], 0);
    EXPECT_EQ(s.by_result[index_of(ReviewResult::not_needed)], 1);
    EXPECT_EQ(s.action_plan_categories, (std::vector<int>{1, 3, 4}));
}

TEST(RulesCheck, StateFollowsStorageAndSubmission) {
    RulesCheck check;
    EXPECT_EQ(state_of(check), documents::DocumentState::not_started);
    check.version = 3;
    EXPECT_EQ(state_of(check), documents::DocumentState::draft);
    check.submitted_version = 3;
    EXPECT_EQ(state_of(check), documents::DocumentState::submitted);
    check.version = 4;  // changed after it was handed in
    EXPECT_EQ(state_of(check), documents::DocumentState::draft);
}

TEST(RulesCheck, ValidRowIsTakenAsGiven) {
    Validator v;
    RowInput in{"revised", "第3条を改定", "　総務 山田 ", "2027-03-31", "年1回の研修で周知"};
    auto row = validated_row(in, v);
    EXPECT_TRUE(v.ok());
    EXPECT_EQ(row.result, ReviewResult::revised);
    EXPECT_EQ(row.assignee, "総務 山田");
    EXPECT_EQ(row.due_date, "2027-03-31");
    EXPECT_EQ(row.upkeep, "年1回の研修で周知");
}

TEST(RulesCheck, EveryBadFieldOfARowIsReported) {
    Validator v;
    RowInput in{"perhaps", std::string(1001, 'x'), "a\nb", "2027-02-30", "ok"};
    (void)validated_row(in, v);
    try {
        v.throw_if_failed();
        FAIL() << "accepted";
    } catch (const DomainError& e) {
        EXPECT_EQ(e.fields().count("result"), 1u);
        EXPECT_EQ(e.fields().count("content"), 1u);
        EXPECT_EQ(e.fields().count("assignee"), 1u);  // a line break in a one-line field
        EXPECT_EQ(e.fields().count("due_date"), 1u);
        EXPECT_EQ(e.fields().count("upkeep"), 0u);
    }
}

}  // namespace
}  // namespace shido::core::rules
