#include "services/diagnosis/answer_sheet_service.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/domain_error.hpp"
#include "support/round_fixture.hpp"

namespace shido::testing {
namespace {

using AnswerSheetServiceTest = RoundTest;

TEST_F(AnswerSheetServiceTest, AnswersAreSavedOneByOneAndResume) {
    auto link = invite_one("owner");
    auto& sheets = diagnosis().answer_sheets;
    EXPECT_EQ(sheets.save_answer(link.token, 3, "partial"), 1);
    EXPECT_EQ(sheets.save_answer(link.token, 3, "done"), 1);  // changed, not added
    EXPECT_EQ(sheets.save_answer(link.token, 4, "unknown"), 2);
    auto sheet = sheets.open(link.token);
    EXPECT_EQ(sheet.answers.at(3), "done");
    EXPECT_EQ(sheet.answers.size(), 2u);
    EXPECT_EQ(sheet.company_name, "株式会社サンプル製作所");
    EXPECT_EQ(sheet.respondent.id, link.respondent.id);
    EXPECT_EQ(sheet.round.id, round);
    ASSERT_NE(sheet.instrument, nullptr);
    EXPECT_FALSE(sheet.result);
    EXPECT_TRUE(audit("respondent").size() == 1u);  // the invitation; single answers are not
}

TEST_F(AnswerSheetServiceTest, SubmitScoresAndLocks) {
    auto link = invite_one("staff");
    auto& sheets = diagnosis().answer_sheets;
    answer_all(link.token, "partial");
    sheets.save_answer(link.token, 25, "unknown");
    auto score = sheets.submit(link.token, "test");
    EXPECT_EQ(score.total, 47);
    EXPECT_EQ(score.band_key, "danger");
    EXPECT_EQ(code_of([&] { sheets.submit(link.token, "test"); }), core::ErrorCode::conflict);
    EXPECT_EQ(code_of([&] { sheets.save_answer(link.token, 1, "done"); }),
              core::ErrorCode::conflict);
    auto reopened = sheets.open(link.token);
    ASSERT_TRUE(reopened.result);
    EXPECT_EQ(reopened.result->total, 47);
    EXPECT_TRUE(reopened.respondent.submitted_at);
}

TEST_F(AnswerSheetServiceTest, SubmissionIsAuditedWithTheFinalAnswers) {
    auto link = invite_one("staff");
    answer_all(link.token, "done");
    diagnosis().answer_sheets.submit(link.token, "req-42");
    auto entries = audit("respondent");
    ASSERT_EQ(entries.size(), 2u);
    const auto& entry = entries[0];
    EXPECT_EQ(entry.action, "submit");
    EXPECT_EQ(entry.entity_id, link.respondent.id);
    EXPECT_FALSE(entry.actor_id);  // no account: the respondent is named by role
    EXPECT_EQ(entry.actor_name, "回答者（従業員）");
    EXPECT_EQ(entry.request_id, "req-42");
    auto after = nlohmann::json::parse(*entry.after_json);
    EXPECT_EQ(after["submitted_at"], now_);
    ASSERT_EQ(after["answers"].size(), 25u);
    EXPECT_EQ(after["answers"]["25"], "done");
    EXPECT_FALSE(after.contains("status"));  // derived from today: not a stored field
    EXPECT_FALSE(after.contains("answered_count"));
}

TEST_F(AnswerSheetServiceTest, IncompleteSubmitListsMissingItems) {
    auto link = invite_one("manager");
    diagnosis().answer_sheets.save_answer(link.token, 1, "done");
    auto error = error_of([&] { diagnosis().answer_sheets.submit(link.token, "test"); });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code(), core::ErrorCode::validation);
    EXPECT_EQ(error->fields().size(), 24u);
    EXPECT_TRUE(error->fields().count("items.25"));
    EXPECT_FALSE(error->fields().count("items.1"));
}

TEST_F(AnswerSheetServiceTest, BadTokensItemsAndChoices) {
    auto link = invite_one("staff");
    auto& sheets = diagnosis().answer_sheets;
    EXPECT_EQ(code_of([&] { sheets.open("x"); }), core::ErrorCode::not_found);
    EXPECT_EQ(code_of([&] { sheets.open(link.token + "A"); }), core::ErrorCode::not_found);
    EXPECT_EQ(code_of([&] { sheets.open(std::string(200, 'A')); }), core::ErrorCode::not_found);
    EXPECT_EQ(code_of([&] { sheets.save_answer(link.token, 26, "done"); }),
              core::ErrorCode::not_found);
    EXPECT_EQ(code_of([&] { sheets.save_answer(link.token, 0, "done"); }),
              core::ErrorCode::not_found);
    EXPECT_TRUE(fails_on("choice", [&] { sheets.save_answer(link.token, 1, "yes"); }));
    EXPECT_TRUE(sheets.open(link.token).answers.empty());
}

TEST_F(AnswerSheetServiceTest, ExpiredLinksAndClosedRounds) {
    auto expiring = diagnosis()
                        .invitations
                        .invite(as(expert), on_round(),
                                {"staff", "", "", std::nullopt, std::string("2027-01-31")})
                        .at(0);
    auto& sheets = diagnosis().answer_sheets;
    now_ += 16 * 86400;  // 2027-01-31 in Japan: the last day
    EXPECT_EQ(sheets.save_answer(expiring.token, 1, "done"), 1);
    now_ += 86400;  // 2027-02-01
    EXPECT_EQ(code_of([&] { sheets.save_answer(expiring.token, 2, "done"); }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { sheets.open(expiring.token); }), core::ErrorCode::forbidden);

    auto live = invite_one("staff");
    close_round();
    EXPECT_EQ(code_of([&] { sheets.save_answer(live.token, 1, "done"); }),
              core::ErrorCode::conflict);
    EXPECT_EQ(code_of([&] { sheets.submit(live.token, "test"); }), core::ErrorCode::conflict);
    EXPECT_NO_THROW(sheets.open(live.token));  // still readable
}

TEST_F(AnswerSheetServiceTest, ASubmittedSheetStaysReadableAfterItsExpiry) {
    auto link = diagnosis()
                    .invitations
                    .invite(as(expert), on_round(),
                            {"owner", "", "", std::nullopt, std::string("2027-01-20")})
                    .at(0);
    answer_all(link.token, "done");
    diagnosis().answer_sheets.submit(link.token, "test");
    now_ += 30 * 86400;
    auto sheet = diagnosis().answer_sheets.open(link.token);
    ASSERT_TRUE(sheet.result);
    EXPECT_EQ(sheet.result->total, 100);
}

}  // namespace
}  // namespace shido::testing
