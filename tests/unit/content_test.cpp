#include <gtest/gtest.h>

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
