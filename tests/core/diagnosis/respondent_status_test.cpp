#include "core/diagnosis/respondent_status.hpp"

#include <set>

#include <gtest/gtest.h>

#include "support/japanese_text.hpp"

namespace shido::core::diagnosis {
namespace {

const std::string today = "2027-01-15";

SheetFacts sheet(bool revoked, bool submitted, std::optional<std::string> expires_on,
                 int answered) {
    return SheetFacts{revoked, submitted, std::move(expires_on), answered};
}

TEST(RespondentStatus, NewSheetIsInvited) {
    EXPECT_EQ(respondent_status(sheet(false, false, std::nullopt, 0), today),
              RespondentStatus::invited);
    EXPECT_EQ(respondent_status(sheet(false, false, "2027-01-31", 0), today),
              RespondentStatus::invited);
}

TEST(RespondentStatus, OneAnswerMakesItAnswering) {
    EXPECT_EQ(respondent_status(sheet(false, false, std::nullopt, 1), today),
              RespondentStatus::answering);
    EXPECT_EQ(respondent_status(sheet(false, false, "2027-01-31", 24), today),
              RespondentStatus::answering);
}

TEST(RespondentStatus, ExpiresTheDayAfterItsExpiryDate) {
    EXPECT_EQ(respondent_status(sheet(false, false, "2027-01-15", 0), today),
              RespondentStatus::invited);  // the expiry date itself is still open
    EXPECT_EQ(respondent_status(sheet(false, false, "2027-01-14", 0), today),
              RespondentStatus::expired);
    EXPECT_EQ(respondent_status(sheet(false, false, "2027-01-14", 5), today),
              RespondentStatus::expired);  // half-answered sheets expire too
    EXPECT_EQ(respondent_status(sheet(false, false, "2026-12-31", 0), today),
              RespondentStatus::expired);
}

TEST(RespondentStatus, SubmittedStaysSubmittedAfterExpiry) {
    EXPECT_EQ(respondent_status(sheet(false, true, std::nullopt, 25), today),
              RespondentStatus::submitted);
    EXPECT_EQ(respondent_status(sheet(false, true, "2027-01-01", 25), today),
              RespondentStatus::submitted);
}

TEST(RespondentStatus, RevokedWinsOverEverything) {
    EXPECT_EQ(respondent_status(sheet(true, false, std::nullopt, 0), today),
              RespondentStatus::revoked);
    EXPECT_EQ(respondent_status(sheet(true, true, "2027-01-01", 25), today),
              RespondentStatus::revoked);
    EXPECT_EQ(respondent_status(sheet(true, false, "2027-01-01", 3), today),
              RespondentStatus::revoked);
}

TEST(RespondentStatus, KeysAndLabels) {
    const std::pair<RespondentStatus, std::string> expected[] = {
        {RespondentStatus::invited, "invited"},     {RespondentStatus::answering, "answering"},
        {RespondentStatus::submitted, "submitted"}, {RespondentStatus::revoked, "revoked"},
        {RespondentStatus::expired, "expired"},
    };
    ASSERT_EQ(respondent_statuses().size(), std::size(expected));
    std::set<std::string_view> labels;
    for (const auto& [status, key] : expected) {
        EXPECT_EQ(to_string(status), key);
        auto label = label_in(respondent_statuses(), status);
        EXPECT_TRUE(testing::has_japanese(label)) << key;
        labels.insert(label);
    }
    EXPECT_EQ(labels.size(), std::size(expected));
}

TEST(RoundStatus, ParsesItsKeysOnly) {
    EXPECT_EQ(parse_round_status("open"), RoundStatus::open);
    EXPECT_EQ(parse_round_status("closed"), RoundStatus::closed);
    for (std::string text : {"", "Open", "close", "受付中", "締切", "archived"})
        EXPECT_FALSE(parse_round_status(text)) << text;
    ASSERT_EQ(round_statuses().size(), 2u);
    for (const auto& entry : round_statuses()) EXPECT_TRUE(testing::has_japanese(entry.label));
}

}  // namespace
}  // namespace shido::core::diagnosis
