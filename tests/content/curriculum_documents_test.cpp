#include <string>

#include <gtest/gtest.h>

#include "content/curriculum.hpp"
#include "content/json_file.hpp"

namespace shido::content {
namespace {

using core::documents::DocumentKind;

nlohmann::json standard_course() {
    return read_json_file(std::string(SHIDO_CONTENT_DIR) + "/curriculum/standard-4.json");
}

std::string refusal(const nlohmann::json& doc) {
    try {
        parse_curriculum(doc, "course.json");
    } catch (const ContentError& e) {
        return e.what();
    }
    return "(accepted)";
}

TEST(CurriculumDocuments, TheStandardCourseMakesEachDocumentWhereTheGuideSays) {
    auto course = parse_curriculum(standard_course(), "standard-4.json");
    ASSERT_EQ(course.sessions.size(), 4u);
    ASSERT_EQ(course.sessions[0].documents.size(), 1u);
    EXPECT_EQ(course.sessions[0].documents[0].kind, DocumentKind::hearing_sheet);
    EXPECT_FALSE(course.sessions[0].documents[0].review);
    ASSERT_EQ(course.sessions[1].documents.size(), 2u);
    EXPECT_EQ(course.sessions[1].documents[0].kind, DocumentKind::basic_policy);
    EXPECT_EQ(course.sessions[1].documents[1].kind, DocumentKind::rules_check);
    // Session 3 drafts the action plan; session 4 reviews it with the policy and the rules
    // and closes with the final report and the company's アンケート, made there.
    ASSERT_EQ(course.sessions[2].documents.size(), 2u);
    EXPECT_EQ(course.sessions[2].documents[1].kind, DocumentKind::action_plan);
    EXPECT_FALSE(course.sessions[2].documents[1].review);
    ASSERT_EQ(course.sessions[3].documents.size(), 5u);
    for (const auto& doc : course.sessions[3].documents) {
        bool made_here = doc.kind == DocumentKind::final_report || doc.kind == DocumentKind::survey;
        EXPECT_EQ(doc.review, !made_here) << core::documents::key_of(doc.kind);
    }
}

TEST(CurriculumDocuments, ASessionMayNameNone) {
    auto doc = standard_course();
    doc["sessions"][2].erase("documents");
    EXPECT_TRUE(parse_curriculum(doc, "course.json").sessions[2].documents.empty());
}

TEST(CurriculumDocuments, RefusesAnUnknownKindATwiceListedOneAndUnknownFields) {
    auto doc = standard_course();
    doc["sessions"][0]["documents"][0]["kind"] = "action_plan_draft";
    EXPECT_NE(refusal(doc).find("unknown document kind 'action_plan_draft'"), std::string::npos)
        << refusal(doc);

    doc = standard_course();
    doc["sessions"][1]["documents"][1]["kind"] = "basic_policy";
    EXPECT_NE(refusal(doc).find("listed twice"), std::string::npos) << refusal(doc);

    doc = standard_course();
    doc["sessions"][1]["documents"][0]["reviewed"] = true;
    EXPECT_NE(refusal(doc).find("unknown field 'reviewed'"), std::string::npos) << refusal(doc);

    doc = standard_course();
    doc["sessions"][1]["documents"][0]["review"] = "yes";
    EXPECT_NE(refusal(doc).find("sessions[1].documents[0]"), std::string::npos) << refusal(doc);
}

}  // namespace
}  // namespace shido::content
