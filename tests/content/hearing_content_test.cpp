#include <functional>
#include <string>

#include <gtest/gtest.h>

#include "content/hearing.hpp"
#include "content/json_file.hpp"
#include "content/library.hpp"

namespace shido::content {
namespace {

std::string hearing_refusal(const std::function<void()>& load) {
    try {
        load();
    } catch (const ContentError& e) {
        return e.what();
    }
    return "(accepted)";
}

nlohmann::json hearing_file() {
    return read_json_file(std::string(SHIDO_CONTENT_DIR) + "/hearing/standard.json");
}

TEST(HearingContent, TheShippedSheetHasTheSevenSectionsOfTheGuide) {
    auto library = load_library(SHIDO_CONTENT_DIR);
    const auto& sheet = library.current_hearing_sheet();
    EXPECT_EQ(sheet.title, "【様式1】ヒアリングシート");
    EXPECT_EQ(sheet.result_header, "ヒアリング結果（今回の指導で考慮すべき点）");
    ASSERT_EQ(sheet.sections.size(), 7u);
    std::size_t items = 0;
    for (const auto& s : sheet.sections) items += s.items.empty() ? 1 : s.items.size();
    EXPECT_EQ(items, 3u + 1 + 9 + 3 + 5);
    EXPECT_EQ(sheet.sections[4].items[2].key, "5.3");
    EXPECT_EQ(sheet.review_at_session, 2);
}

TEST(HearingContent, RefusesUnknownFieldsDuplicateKeysAndBadNumbering) {
    auto unknown = hearing_file();
    unknown["sections"][3]["items"][0]["colour"] = "red";
    EXPECT_NE(hearing_refusal([&] { parse_hearing_template(unknown, "t"); }).find("colour"),
              std::string::npos);

    auto duplicate = hearing_file();
    duplicate["sections"][4]["items"][1]["key"] = "5.1";
    EXPECT_NE(
        hearing_refusal([&] { parse_hearing_template(duplicate, "t"); }).find("duplicate key 5.1"),
        std::string::npos);

    auto foreign = hearing_file();
    foreign["sections"][4]["items"][1]["key"] = "6.9";
    EXPECT_NE(hearing_refusal([&] {
                  parse_hearing_template(foreign, "t");
              }).find("must start with the section number"),
              std::string::npos);

    auto swapped = hearing_file();
    std::swap(swapped["sections"][0], swapped["sections"][1]);
    EXPECT_NE(hearing_refusal([&] {
                  parse_hearing_template(swapped, "t");
              }).find("numbered 1, 2, ... in order"),
              std::string::npos);

    auto review = hearing_file();
    review["review_at_session"] = 1;
    EXPECT_NE(hearing_refusal([&] {
                  parse_hearing_template(review, "t");
              }).find("review_at_session must come after session"),
              std::string::npos);

    auto missing = hearing_file();
    missing.erase("result_header");
    EXPECT_NE(hearing_refusal([&] { parse_hearing_template(missing, "t"); }).find("result_header"),
              std::string::npos);
}

}  // namespace
}  // namespace shido::content
