#include <gtest/gtest.h>

#include "core/diagnosis/csv_import.hpp"
#include "support/diagnosis_fixture.hpp"

namespace shido::testing {
namespace {

using namespace core::diagnosis;

std::string header(const std::string& first = "role,name,department") {
    std::string h = first;
    for (int no = 1; no <= 25; ++no) h += "," + std::to_string(no);
    return h + "\n";
}

std::string row(const std::string& start, const std::string& answer) {
    std::string r = start;
    for (int no = 1; no <= 25; ++no) r += "," + answer;
    return r + "\n";
}

TEST(DiagnosisCsv, PointsAndLabelsAndJapaneseHeaders) {
    auto csv = header("役割,氏名,部署") + row("経営者,山田 太郎,", "4") +
               row("staff,,\"営業部, 第1課\"", "実施していない") + row("管理者,佐藤,総務", "-1");
    auto result = parse_answer_csv(ipa_5min(), csv);
    ASSERT_TRUE(result.errors.empty()) << result.errors.front().message;
    ASSERT_EQ(result.sheets.size(), 3u);
    EXPECT_EQ(result.sheets[0].role, RespondentRole::owner);
    EXPECT_EQ(result.sheets[0].name, "山田 太郎");
    EXPECT_EQ(result.sheets[0].answers.at(25), "done");
    EXPECT_EQ(result.sheets[1].department, "営業部, 第1課");
    EXPECT_EQ(result.sheets[1].answers.at(1), "not_done");
    EXPECT_EQ(score(ipa_5min(), result.sheets[2].answers).total, -25);
}

TEST(DiagnosisCsv, BomAndCrLf) {
    std::string csv = "\xEF\xBB\xBF" + header() + row("owner,a,b", "2");
    for (std::size_t pos = csv.find('\n'); pos != std::string::npos; pos = csv.find('\n', pos + 2))
        csv.replace(pos, 1, "\r\n");
    auto result = parse_answer_csv(ipa_5min(), csv);
    ASSERT_TRUE(result.errors.empty()) << result.errors.front().message;
    EXPECT_EQ(result.sheets.size(), 1u);
}

TEST(DiagnosisCsv, EveryErrorIsReportedByRowAndColumnAndNothingIsKept) {
    auto bad_answer = row("owner,,", "4");
    bad_answer.replace(bad_answer.find(",4,"), 3, ",5,");  // item 1 = 5 points: no such choice
    auto csv =
        header() + row("owner,,", "4") + bad_answer + row("社長,,", "4") + row("staff,,", "");
    auto result = parse_answer_csv(ipa_5min(), csv);
    EXPECT_TRUE(result.sheets.empty());
    ASSERT_GE(result.errors.size(), 3u);
    EXPECT_EQ(result.errors[0].row, 3);
    EXPECT_EQ(result.errors[0].column, "1");
    EXPECT_EQ(result.errors[1].row, 4);
    EXPECT_EQ(result.errors[1].column, "role");
    EXPECT_EQ(result.errors[2].row, 5);
    EXPECT_EQ(result.errors.size(), 2u + 25u);  // the last row misses every answer
}

TEST(DiagnosisCsv, WrongHeaders) {
    auto result = parse_answer_csv(ipa_5min(), "role,name,1,2,3,foo\nowner,a,4,4,4,4\n");
    EXPECT_TRUE(result.sheets.empty());
    ASSERT_FALSE(result.errors.empty());
    EXPECT_EQ(result.errors[0].row, 1);
    bool mentions_missing_item = false;
    for (const auto& e : result.errors) mentions_missing_item |= e.column == "25";
    EXPECT_TRUE(mentions_missing_item);
}

TEST(DiagnosisCsv, EmptyAndNotUtf8) {
    EXPECT_FALSE(parse_answer_csv(ipa_5min(), "").errors.empty());
    EXPECT_FALSE(parse_answer_csv(ipa_5min(), header()).errors.empty());
    EXPECT_FALSE(
        parse_answer_csv(ipa_5min(), "\x96\xF0\x8A\x84\n").errors.empty());  // Shift_JIS bytes
}

}  // namespace
}  // namespace shido::testing

namespace shido::testing {
namespace {

TEST(DiagnosisCsv, KanaCellsAndFullWidthSpacesSurvive) {
    auto csv = header() + row("従業員,　さとう はなこ　,サポート課", "わからない");
    auto result = core::diagnosis::parse_answer_csv(ipa_5min(), csv);
    ASSERT_TRUE(result.errors.empty()) << result.errors.front().message;
    EXPECT_EQ(result.sheets[0].name, "さとう はなこ");
    EXPECT_EQ(result.sheets[0].department, "サポート課");
    EXPECT_EQ(result.sheets[0].answers.at(1), "unknown");
}

TEST(DiagnosisCsv, DuplicateHeaderIsAnError) {
    auto csv = header("role,1") + row("owner", "4");
    auto result = core::diagnosis::parse_answer_csv(ipa_5min(), csv);
    EXPECT_TRUE(result.sheets.empty());
    ASSERT_FALSE(result.errors.empty());
    EXPECT_EQ(result.errors[0].row, 1);
    EXPECT_EQ(result.errors[0].column, "1");
}

}  // namespace
}  // namespace shido::testing

namespace shido::testing {
namespace {

// Names that once passed and then broke every later use of the row (audit, JSON).
TEST(DiagnosisCsv, MalformedUtf8AndControlCharactersInNamesAreRefused) {
    for (std::string bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF5\x80\x80\x80",
                            "a\x01"
                            "b",
                            "\xC2\x85"}) {
        auto result =
            parse_answer_csv(ipa_5min(), header() + row("従業員," + bad + ",総務", "わからない"));
        EXPECT_FALSE(result.errors.empty()) << bad;
        EXPECT_TRUE(result.sheets.empty()) << bad;
    }
}

}  // namespace
}  // namespace shido::testing
