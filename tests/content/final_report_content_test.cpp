// The final report's words (content/final_report/standard.json): the seven sections in their
// order with limits, every phrase the draft uses, and a strict loader.
#include <gtest/gtest.h>

#include "content/final_report.hpp"
#include "content/json_file.hpp"
#include "content/library.hpp"

namespace shido::content {
namespace {

nlohmann::json final_report_content_file() {
    return read_json_file(std::string(SHIDO_CONTENT_DIR) + "/final_report/standard.json");
}

std::string final_report_refusal(const nlohmann::json& doc) {
    try {
        parse_final_report_labels(doc, "test");
    } catch (const ContentError& e) {
        return e.what();
    }
    return "(accepted)";
}

TEST(FinalReportContent, TheLibraryHasTheSevenSectionsInOrder) {
    auto library = load_library(SHIDO_CONTENT_DIR);
    const auto& l = library.final_report;
    EXPECT_EQ(l.title, "最終報告書");
    ASSERT_EQ(l.sections.size(), 7u);
    EXPECT_EQ(l.sections[0].heading, "実施概要");
    EXPECT_EQ(l.sections[6].heading, "専門家の所見・評価");
    EXPECT_TRUE(l.section(core::final_report::Section::evaluation).required);
    EXPECT_FALSE(l.section(core::final_report::Section::support).required);
    for (const auto& key : core::final_report::phrase_keys()) EXPECT_FALSE(l.phrase(key).empty());
}

TEST(FinalReportContent, RefusesAnUnknownFieldAMissingPhraseAndSectionsOutOfOrder) {
    auto doc = final_report_content_file();
    doc["extra"] = 1;
    EXPECT_NE(final_report_refusal(doc).find("extra"), std::string::npos);

    doc = final_report_content_file();
    doc["phrases"].erase("first_round");
    EXPECT_NE(final_report_refusal(doc).find("first_round"), std::string::npos);

    doc = final_report_content_file();
    std::swap(doc["sections"][0], doc["sections"][1]);
    EXPECT_NE(final_report_refusal(doc).find("overview"), std::string::npos);

    doc = final_report_content_file();
    doc["sections"][2]["max_chars"] = 0;
    EXPECT_NE(final_report_refusal(doc).find("max_chars"), std::string::npos);

    doc = final_report_content_file();
    doc["phrases"]["unused"] = "x";
    EXPECT_NE(final_report_refusal(doc).find("unused"), std::string::npos);

    EXPECT_EQ(final_report_refusal(final_report_content_file()), "(accepted)");
}

}  // namespace
}  // namespace shido::content
