// The アンケート's rules: answers checked against the form (errors name the item), the
// completeness rule of a submission, and the aggregation (numbers worked out by hand below).
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/survey/survey_answers.hpp"
#include "core/survey/survey_results.hpp"

namespace shido::core::survey {
namespace {

SurveyForm small_form() {
    SurveyForm form;
    form.id = "t-1";
    form.version = 1;
    form.scale = {{"5", "とても満足", 5},
                  {"4", "満足", 4},
                  {"3", "普通", 3},
                  {"2", "やや不満", 2},
                  {"1", "不満", 1}};
    form.items = {{"clear", "説明が分かりやすかった"}, {"overall", "全体として満足"}};
    form.comments = {{"good", "よかった点", 10}};
    return form;
}

std::optional<DomainError> survey_error_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const DomainError& e) {
        return e;
    }
    return std::nullopt;
}

TEST(SurveyAnswersTest, ValidAnswersAreKeptNullAndEmptyAreDropped) {
    Validator v;
    auto answers = validated_answers(small_form(), {{"clear", "5"}, {"overall", std::nullopt}},
                                     {{"good", "丁寧でした"}}, v);
    EXPECT_TRUE(v.ok());
    EXPECT_EQ(answers.ratings, (std::map<std::string, std::string>{{"clear", "5"}}));
    EXPECT_EQ(answers.comments.at("good"), "丁寧でした");
    Validator v2;
    auto blank = validated_answers(small_form(), {}, {{"good", "　 "}}, v2);
    EXPECT_TRUE(v2.ok());
    EXPECT_TRUE(blank.comments.empty());
}

TEST(SurveyAnswersTest, UnknownItemsAndValuesOffTheScaleNameTheItem) {
    Validator v;
    validated_answers(small_form(), {{"clear", "6"}, {"speed", "5"}},
                      {{"bad", "x"}, {"good", "12345678901"}}, v);
    auto error = survey_error_of([&] { v.throw_if_failed(); });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code(), ErrorCode::validation);
    const auto& f = error->fields();
    EXPECT_EQ(f.at("ratings.clear"),
              "「説明が分かりやすかった」の回答は、選択肢から選んでください。");
    EXPECT_NE(f.at("ratings.speed").find("ありません"), std::string::npos);
    EXPECT_NE(f.at("comments.bad").find("ありません"), std::string::npos);
    EXPECT_EQ(f.at("comments.good"), "「よかった点」は10文字以内で入力してください。");
}

TEST(SurveyAnswersTest, ControlCharactersInCommentsAreRefusedLineBreaksAllowed) {
    Validator v;
    auto answers = validated_answers(small_form(), {}, {{"good", "一行目\n二行目"}}, v);
    EXPECT_TRUE(v.ok());
    EXPECT_EQ(answers.comments.at("good"), "一行目\n二行目");
    validated_answers(small_form(), {}, {{"good", std::string("a\x07")}}, v);
    EXPECT_FALSE(v.ok());
}

TEST(SurveyAnswersTest, SubmissionNeedsEveryRatingItemCommentsOptional) {
    auto form = small_form();
    SurveyAnswers answers;
    answers.ratings["clear"] = "4";
    EXPECT_EQ(unanswered_items(form, answers).size(), 1u);
    auto error = survey_error_of([&] { require_complete(form, answers); });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->fields().at("ratings.overall"), "「全体として満足」が未回答です。");
    EXPECT_FALSE(error->fields().contains("ratings.clear"));
    answers.ratings["overall"] = "1";
    EXPECT_FALSE(survey_error_of([&] { require_complete(form, answers); }));
}

TEST(SurveyAnswersTest, DocumentStateFollowsTheStoredResponse) {
    EXPECT_EQ(document_state_of(0, ResponseState::draft), documents::DocumentState::not_started);
    EXPECT_EQ(document_state_of(2, ResponseState::draft), documents::DocumentState::draft);
    EXPECT_EQ(document_state_of(3, ResponseState::submitted), documents::DocumentState::submitted);
}

// Three responses by hand:
//   A (expert 1, 製造業): clear 5, overall 4
//   B (expert 1, 製造業): clear 3, overall 5
//   C (expert 2, 運輸業): clear 4, overall — (unrated), plus an item the form lacks and a 9
// clear: 5+3+4 = 12 / 3 = 4.0, distribution [1,1,1,0,0]
// overall: 4+5 = 9 / 2 = 4.5, distribution [1,1,0,0,0]
// every rating: 12 + 9 = 21 / 5 = 4.2
std::vector<RatedResponse> survey_three() {
    return {{1, 1, "専門家 一郎", "製造業", {{"clear", 5}, {"overall", 4}}},
            {2, 1, "専門家 一郎", "製造業", {{"clear", 3}, {"overall", 5}}},
            {3, 2, "専門家 二郎", "運輸業", {{"clear", 4}, {"speed", 2}, {"overall", 9}}}};
}

TEST(SurveyResultsTest, MeansCountsAndDistributionsOverAllResponses) {
    auto responses = survey_three();
    std::vector<const RatedResponse*> all;
    for (const auto& r : responses) all.push_back(&r);
    auto a = aggregate(small_form(), all);
    EXPECT_EQ(a.responses, 3);
    ASSERT_EQ(a.items.size(), 2u);
    EXPECT_EQ(a.items[0].key, "clear");
    EXPECT_EQ(a.items[0].count, 3);
    EXPECT_DOUBLE_EQ(*a.items[0].mean, 4.0);
    EXPECT_EQ(a.items[0].distribution, (std::vector<int>{1, 1, 1, 0, 0}));
    EXPECT_EQ(a.items[1].count, 2);
    EXPECT_DOUBLE_EQ(*a.items[1].mean, 4.5);
    EXPECT_EQ(a.items[1].distribution, (std::vector<int>{1, 1, 0, 0, 0}));
    EXPECT_DOUBLE_EQ(*a.overall_mean, 4.2);
}

TEST(SurveyResultsTest, NoResponsesHaveNoMeans) {
    auto a = aggregate(small_form(), {});
    EXPECT_EQ(a.responses, 0);
    EXPECT_FALSE(a.items[0].mean);
    EXPECT_EQ(a.items[0].distribution, (std::vector<int>(5, 0)));
    EXPECT_FALSE(a.overall_mean);
}

TEST(SurveyResultsTest, PerExpertAndPerIndustry) {
    auto responses = survey_three();
    responses.push_back({4, std::nullopt, "", "", {{"clear", 1}, {"overall", 1}}});
    auto experts = aggregate_by_expert(small_form(), responses, "未割当");
    ASSERT_EQ(experts.size(), 3u);
    EXPECT_EQ(experts[0].label, "専門家 一郎");
    EXPECT_EQ(experts[0].expert_id, 1);
    EXPECT_EQ(experts[0].aggregate.responses, 2);
    EXPECT_DOUBLE_EQ(*experts[0].aggregate.items[0].mean, 4.0);  // (5+3)/2
    EXPECT_DOUBLE_EQ(*experts[0].aggregate.overall_mean, 4.25);  // (5+4+3+5)/4
    EXPECT_EQ(experts[1].label, "専門家 二郎");
    EXPECT_DOUBLE_EQ(*experts[1].aggregate.overall_mean, 4.0);  // only clear 4 counts
    EXPECT_EQ(experts[2].label, "未割当");
    EXPECT_FALSE(experts[2].expert_id);
    auto industries = aggregate_by_industry(small_form(), responses, "未設定");
    ASSERT_EQ(industries.size(), 3u);
    std::map<std::string, int> count;
    for (const auto& g : industries) count[g.label] = g.aggregate.responses;
    EXPECT_EQ(count, (std::map<std::string, int>{{"製造業", 2}, {"運輸業", 1}, {"未設定", 1}}));
}

}  // namespace
}  // namespace shido::core::survey
