// The アンケート forms: the current form is loaded with its five-step scale, rating items and
// comment questions, and the strict loader refuses what it does not know or cannot use.
#include <gtest/gtest.h>

#include "content/json_file.hpp"
#include "content/library.hpp"
#include "content/survey.hpp"

namespace shido::content {
namespace {

nlohmann::json survey_content_file() {
    return read_json_file(std::string(SHIDO_CONTENT_DIR) + "/survey/guidance-1.json");
}

std::string survey_refusal(const nlohmann::json& doc) {
    try {
        parse_survey_form(doc, "test");
    } catch (const ContentError& e) {
        return e.what();
    }
    return "(accepted)";
}

TEST(SurveyContent, TheCurrentFormHasAFiveStepScaleItemsAndComments) {
    auto library = load_library(SHIDO_CONTENT_DIR);
    const auto& form = library.current_survey();
    EXPECT_EQ(form.id, current_survey_id);
    EXPECT_EQ(form.title, "専門家指導についての評価アンケート");
    ASSERT_EQ(form.scale.size(), 5u);
    EXPECT_EQ(form.scale.front().label, "とても満足");
    EXPECT_EQ(form.scale.front().value, 5);
    EXPECT_EQ(form.scale.back().label, "不満");
    EXPECT_EQ(form.scale.back().value, 1);
    EXPECT_GE(form.items.size(), 8u);
    ASSERT_NE(form.item("overall"), nullptr);
    EXPECT_EQ(form.comments.size(), 3u);
    EXPECT_NE(form.comment("improvements"), nullptr);
    EXPECT_EQ(library.survey("guidance-1"), &form);
    EXPECT_EQ(library.survey("guidance-0"), nullptr);
}

TEST(SurveyContent, DuplicateKeysAreRefused) {
    auto doc = survey_content_file();
    doc["items"][1]["key"] = doc["items"][0]["key"];
    EXPECT_NE(survey_refusal(doc).find("duplicate key"), std::string::npos);
    doc = survey_content_file();
    doc["scale"][1]["key"] = "5";
    EXPECT_NE(survey_refusal(doc).find("duplicate key"), std::string::npos);
    doc = survey_content_file();
    doc["scale"][1]["value"] = 5;
    EXPECT_NE(survey_refusal(doc).find("duplicate value"), std::string::npos);
    doc = survey_content_file();
    doc["comments"][2]["key"] = "good_points";
    EXPECT_NE(survey_refusal(doc).find("duplicate key"), std::string::npos);
}

TEST(SurveyContent, AnItemWithoutALabelIsRefused) {
    auto doc = survey_content_file();
    doc["items"][2]["label"] = "";
    auto refusal = survey_refusal(doc);
    EXPECT_NE(refusal.find("items[2]"), std::string::npos) << refusal;
    EXPECT_NE(refusal.find("label"), std::string::npos) << refusal;
    doc = survey_content_file();
    doc["items"][2].erase("label");
    EXPECT_NE(survey_refusal(doc).find("label"), std::string::npos);
}

TEST(SurveyContent, UnknownFieldsAndEmptyListsAreRefused) {
    auto doc = survey_content_file();
    doc["items"][0]["hint"] = "x";
    EXPECT_NE(survey_refusal(doc).find("hint"), std::string::npos);
    doc = survey_content_file();
    doc["subtitle"] = "x";
    EXPECT_NE(survey_refusal(doc).find("subtitle"), std::string::npos);
    doc = survey_content_file();
    doc["items"] = nlohmann::json::array();
    EXPECT_NE(survey_refusal(doc).find("items must not be empty"), std::string::npos);
    doc = survey_content_file();
    doc["comments"][0]["max_chars"] = 0;
    EXPECT_NE(survey_refusal(doc).find("max_chars"), std::string::npos);
    EXPECT_EQ(survey_refusal(survey_content_file()), "(accepted)");
}

}  // namespace
}  // namespace shido::content
