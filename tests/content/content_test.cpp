#include <functional>
#include <string>

#include <gtest/gtest.h>

#include "content/calendar.hpp"
#include "content/diagnosis.hpp"
#include "content/json_file.hpp"
#include "content/library.hpp"

namespace shido::content {
namespace {

// The refusal's message: a loader that throws for another reason than the one under test
// must not pass, so every test names the part of the message it expects.
std::string refusal_of(const std::function<void()>& load) {
    try {
        load();
    } catch (const ContentError& e) {
        return e.what();
    }
    return "(accepted)";
}

#define EXPECT_REFUSED(load, fragment)                                   \
    do {                                                                 \
        auto message = refusal_of([&] { (void)(load); });                \
        EXPECT_NE(message.find(fragment), std::string::npos) << message; \
    } while (false)

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

TEST(Content, ACourseHasAsManySessionsAsItsFileButAtLeastOne) {
    auto doc = curriculum_file();
    doc["sessions"].erase(3);
    EXPECT_EQ(parse_curriculum(doc, "test").sessions.size(), 3u);
    doc["sessions"] = nlohmann::json::array();
    EXPECT_REFUSED(parse_curriculum(doc, "test"), "a course needs at least one session");
}

TEST(Content, RejectsSessionsOutOfOrder) {
    auto doc = curriculum_file();
    std::swap(doc["sessions"][0], doc["sessions"][1]);
    EXPECT_REFUSED(parse_curriculum(doc, "test"), "numbered 1, 2, ... in order");
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
    EXPECT_REFUSED(parse_curriculum(doc, "test"), "test.sessions[0]: 'agenda' must");
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
    EXPECT_REFUSED(parse_instrument(doc, "test"), "bands must cover every total");
}

TEST(DiagnosisContent, RejectsItemNumberingGap) {
    auto doc = diagnosis_file();
    doc["parts"][1]["items"][0]["no"] = 7;
    EXPECT_REFUSED(parse_instrument(doc, "test"), "items must be numbered 1, 2, ... across parts");
}

TEST(DiagnosisContent, RejectsTooFewCheckPoints) {
    auto doc = diagnosis_file();
    doc["parts"][0]["items"][0]["check_points"] = nlohmann::json::array({"一つだけ"});
    EXPECT_REFUSED(parse_instrument(doc, "test"), "check_points must hold 2 or 3 entries");
}

TEST(DiagnosisContent, RejectsDuplicateChoice) {
    auto doc = diagnosis_file();
    doc["choices"][1]["key"] = "done";
    EXPECT_REFUSED(parse_instrument(doc, "test"), "duplicate choice key 'done'");
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

TEST(RegulationsContent, TheGuidesOutlinesAndTheFormOfTheSheet) {
    auto library = load_library(SHIDO_CONTENT_DIR);
    const auto& r = library.regulations;
    EXPECT_EQ(r.categories[0].outline,
              "情報セキュリティ管理体制の構築や点検、情報共有などのルールを定めます。");
    EXPECT_EQ(r.form.sheet_title, "【様式2】関連規程類の点検結果シート");
    EXPECT_EQ(r.form.columns.category, "関連規程 / ガイド類");
    EXPECT_EQ(r.form.columns.result, "今回の見直し（プルダウンメニューで選択）");
    EXPECT_EQ(r.form.session_no, 2);
    EXPECT_EQ(r.form.review_session_nos, (std::vector<int>{3, 4}));
    // One consistent bracket form for the stored labels.
    for (const auto& result : r.review_results)
        EXPECT_EQ(result.label.find('('), std::string::npos);
}

TEST(RegulationsContent, RejectsThreeResults) {
    auto doc = read_json_file(std::string(SHIDO_CONTENT_DIR) + "/regulations/ipa-3.1.json");
    doc["review_results"].erase(3);
    EXPECT_REFUSED(parse_regulations(doc, "test"), "review_results must be the four results");
}

TEST(RegulationsContent, RejectsResultsInAnotherOrderOrWithOtherKeys) {
    auto doc = read_json_file(std::string(SHIDO_CONTENT_DIR) + "/regulations/ipa-3.1.json");
    doc["review_results"][1]["key"] = "changed";
    EXPECT_REFUSED(parse_regulations(doc, "test"),
                   "test.review_results[1]: review_results must be");
}

TEST(RegulationsContent, RejectsADuplicateCategory) {
    auto doc = read_json_file(std::string(SHIDO_CONTENT_DIR) + "/regulations/ipa-3.1.json");
    doc["categories"][5]["name"] = doc["categories"][2]["name"];
    EXPECT_REFUSED(parse_regulations(doc, "test"), "test.categories[5]: duplicate category name");
}

TEST(RegulationsContent, RejectsAnUnknownFieldOfTheForm) {
    auto doc = read_json_file(std::string(SHIDO_CONTENT_DIR) + "/regulations/ipa-3.1.json");
    doc["form"]["columns"]["remarks"] = "備考";
    EXPECT_REFUSED(parse_regulations(doc, "test"), "test.form.columns");
}

TEST(RegulationsContent, RejectsMisnumberedCategory) {
    auto doc = read_json_file(std::string(SHIDO_CONTENT_DIR) + "/regulations/ipa-3.1.json");
    doc["categories"][4]["no"] = 9;
    EXPECT_REFUSED(parse_regulations(doc, "test"),
                   "test.categories[4]: categories must be numbered");
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
    EXPECT_REFUSED(parse_curriculum(course, "standard-4.json"), "fewest <= most");
    course["sessions"][0]["prep_weeks"] = "1-2";
    EXPECT_REFUSED(parse_curriculum(course, "standard-4.json"), "'prep_weeks' must be an array");
}

}  // namespace
}  // namespace shido::content

namespace shido::content {
namespace {

nlohmann::json holidays_file() {
    return read_json_file(std::string(SHIDO_CONTENT_DIR) + "/calendar/jp-holidays.json");
}

TEST(CalendarContent, ShippedHolidaysCoverTheirYears) {
    auto library = load_library(SHIDO_CONTENT_DIR);
    const auto& holidays = library.holidays;
    EXPECT_TRUE(holidays.covers({2027, 6, 1}));
    EXPECT_EQ(holidays.holiday({2027, 1, 11}), "成人の日");
    EXPECT_EQ(holidays.holiday({2026, 9, 22}), "休日");
    EXPECT_FALSE(holidays.holiday({2027, 1, 12}));
    EXPECT_EQ(library.curriculum.guideline_days, 45);
    EXPECT_EQ(library.curriculum.guideline_label, "約1.5か月");
}

TEST(CalendarContent, RejectsImpossibleDuplicateAndOutOfRangeDays) {
    auto doc = holidays_file();
    doc["holidays"][0]["date"] = "2025-02-30";
    EXPECT_REFUSED(parse_holidays(doc, "h.json"), "h.json.holidays[0]: 'date' must be a real day");
    doc = holidays_file();
    doc["holidays"][1]["date"] = doc["holidays"][0]["date"];
    EXPECT_REFUSED(parse_holidays(doc, "h.json"), "h.json.holidays[1]: the day is listed twice");
    doc = holidays_file();
    doc["holidays"][0]["date"] = "2031-01-01";
    EXPECT_REFUSED(parse_holidays(doc, "h.json"), "outside first_year..last_year");
    doc = holidays_file();
    doc["holidays"][0]["observed"] = true;
    EXPECT_REFUSED(parse_holidays(doc, "h.json"), "unknown field 'observed'");
}

TEST(CalendarContent, TheCourseGuidelineIsRequired) {
    auto doc = curriculum_file();
    doc.erase("guideline");
    EXPECT_REFUSED(parse_curriculum(doc, "c.json"), "missing field 'guideline'");
    doc = curriculum_file();
    doc["guideline"]["days"] = 0;
    EXPECT_REFUSED(parse_curriculum(doc, "c.json"), "c.json.guideline: 'days' must be at least 1");
}

}  // namespace
}  // namespace shido::content
