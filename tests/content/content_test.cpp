#include <gtest/gtest.h>

#include "content/diagnosis.hpp"
#include "content/json_file.hpp"
#include "content/library.hpp"

namespace shido::content {
namespace {

nlohmann::json curriculum_file() {
    return read_json_file(std::string(SHIDO_CONTENT_DIR) + "/curriculum/standard-4.json");
}

TEST(Content, EveryShippedFileLoads) {
    auto library = load_library(SHIDO_CONTENT_DIR);
    ASSERT_EQ(library.curriculum.sessions.size(), 4u);
    EXPECT_EQ(library.curriculum.sessions[0].title, "第1回");
    for (const auto& session : library.curriculum.sessions)
        EXPECT_FALSE(session.deliverables.empty());
}

TEST(Content, RejectsMissingSession) {
    auto doc = curriculum_file();
    doc["sessions"].erase(3);
    EXPECT_THROW(parse_curriculum(doc, "test"), ContentError);
}

TEST(Content, RejectsSessionsOutOfOrder) {
    auto doc = curriculum_file();
    std::swap(doc["sessions"][0], doc["sessions"][1]);
    EXPECT_THROW(parse_curriculum(doc, "test"), ContentError);
}

TEST(Content, ErrorNamesTheFieldAndPlace) {
    auto doc = curriculum_file();
    doc["sessions"][2].erase("theme");
    try {
        parse_curriculum(doc, "curriculum.json");
        FAIL();
    } catch (const ContentError& e) {
        EXPECT_NE(std::string(e.what()).find("sessions[2]"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("theme"), std::string::npos) << e.what();
    }
}

TEST(Content, RejectsWrongTypes) {
    auto doc = curriculum_file();
    doc["sessions"][0]["agenda"] = "not a list";
    EXPECT_THROW(parse_curriculum(doc, "test"), ContentError);
}

}  // namespace
}  // namespace shido::content

namespace shido::content {
namespace {

nlohmann::json diagnosis_file() {
    return read_json_file(std::string(SHIDO_CONTENT_DIR) + "/diagnosis/ipa-5min-3.1.json");
}

TEST(DiagnosisContent, ShippedEditionIsComplete) {
    auto instrument = parse_instrument(diagnosis_file(), "ipa");
    EXPECT_EQ(instrument.items.size(), 25u);
    EXPECT_EQ(instrument.parts.size(), 3u);
    EXPECT_EQ(instrument.parts[0].item_nos.size(), 5u);
    EXPECT_EQ(instrument.parts[1].item_nos.size(), 13u);
    EXPECT_EQ(instrument.parts[2].item_nos.size(), 7u);
    EXPECT_EQ(instrument.choice("unknown")->points, -1);
    EXPECT_TRUE(instrument.choice("unknown")->follow_up);
    EXPECT_EQ(instrument.choice_by_label("実施している")->points, 4);
}

TEST(DiagnosisContent, RejectsBandGap) {
    auto doc = diagnosis_file();
    doc["bands"][1]["min"] = 71;  // 70 is left without a band
    EXPECT_THROW(parse_instrument(doc, "test"), ContentError);
}

TEST(DiagnosisContent, RejectsItemNumberingGap) {
    auto doc = diagnosis_file();
    doc["parts"][1]["items"][0]["no"] = 7;
    EXPECT_THROW(parse_instrument(doc, "test"), ContentError);
}

TEST(DiagnosisContent, RejectsTooFewCheckPoints) {
    auto doc = diagnosis_file();
    doc["parts"][0]["items"][0]["check_points"] = nlohmann::json::array({"一つだけ"});
    EXPECT_THROW(parse_instrument(doc, "test"), ContentError);
}

TEST(DiagnosisContent, RejectsDuplicateChoice) {
    auto doc = diagnosis_file();
    doc["choices"][1]["key"] = "done";
    EXPECT_THROW(parse_instrument(doc, "test"), ContentError);
}

}  // namespace
}  // namespace shido::content

namespace shido::content {
namespace {

TEST(RegulationsContent, ElevenCategoriesAndFourResults) {
    auto library = load_library(SHIDO_CONTENT_DIR);
    ASSERT_EQ(library.regulations.categories.size(), 11u);
    EXPECT_EQ(library.regulations.categories[0].name, "組織的対策");
    EXPECT_EQ(library.regulations.categories[10].name, "テレワークにおける対策");
    ASSERT_EQ(library.regulations.review_results.size(), 4u);
    EXPECT_EQ(library.regulations.review_results[3].label, "当面は作成の必要なしと判断した");
}

TEST(RegulationsContent, RejectsMisnumberedCategory) {
    auto doc = read_json_file(std::string(SHIDO_CONTENT_DIR) + "/regulations/ipa-3.1.json");
    doc["categories"][4]["no"] = 9;
    EXPECT_THROW(parse_regulations(doc, "test"), ContentError);
}

}  // namespace
}  // namespace shido::content

namespace shido::content {
namespace {

// The message names the file, the JSON path and the field, whatever level it is on.
void expect_unknown_field(const std::function<void()>& parse, const std::string& path) {
    try {
        parse();
        ADD_FAILURE() << path << ": accepted";
    } catch (const ContentError& e) {
        std::string what = e.what();
        EXPECT_NE(what.find(path), std::string::npos) << what;
        EXPECT_NE(what.find("unknown field"), std::string::npos) << what;
    }
}

TEST(StrictContent, AMisspeltOrUnknownFieldIsAnErrorOnEveryLevel) {
    auto course = read_json_file(std::string(SHIDO_CONTENT_DIR) + "/curriculum/standard-4.json");
    course["sessions"][1]["prep_week"] = course["sessions"][1]["prep_weeks"];
    expect_unknown_field([&] { parse_curriculum(course, "standard-4.json"); },
                         "standard-4.json.sessions[1].prep_week");
    course = read_json_file(std::string(SHIDO_CONTENT_DIR) + "/curriculum/standard-4.json");
    course["titel"] = "x";
    expect_unknown_field([&] { parse_curriculum(course, "standard-4.json"); },
                         "standard-4.json.titel");

    auto instrument =
        read_json_file(std::string(SHIDO_CONTENT_DIR) + "/diagnosis/ipa-5min-3.1.json");
    instrument["parts"][0]["items"][2]["hint"] = "x";
    expect_unknown_field([&] { parse_instrument(instrument, "ipa.json"); },
                         "ipa.json.parts[0].items[2].hint");
    instrument = read_json_file(std::string(SHIDO_CONTENT_DIR) + "/diagnosis/ipa-5min-3.1.json");
    instrument["bands"][0]["colour"] = "red";
    expect_unknown_field([&] { parse_instrument(instrument, "ipa.json"); },
                         "ipa.json.bands[0].colour");
}

TEST(StrictContent, PrepWeeksAreReadAndChecked) {
    auto course = read_json_file(std::string(SHIDO_CONTENT_DIR) + "/curriculum/standard-4.json");
    auto parsed = parse_curriculum(course, "standard-4.json");
    EXPECT_EQ(parsed.sessions[0].prep_weeks_min, 1);
    EXPECT_EQ(parsed.sessions[0].prep_weeks_max, 2);
    course["sessions"][0]["prep_weeks"] = nlohmann::json::array({3, 1});
    EXPECT_THROW(parse_curriculum(course, "standard-4.json"), ContentError);
    course["sessions"][0]["prep_weeks"] = "1-2";
    EXPECT_THROW(parse_curriculum(course, "standard-4.json"), ContentError);
}

}  // namespace
}  // namespace shido::content
