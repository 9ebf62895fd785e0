#include "core/course/session_progress.hpp"

#include <gtest/gtest.h>

namespace shido::core {
namespace {

const std::optional<std::string> none;
const std::optional<std::string> date = "2027-01-12";

TEST(SessionProgress, FollowsTheSessionFromUnplannedToAcceptedReport) {
    EXPECT_EQ(progress_of(none, none, std::nullopt), SessionProgress::unplanned);
    EXPECT_EQ(progress_of(date, none, std::nullopt), SessionProgress::planned);
    EXPECT_EQ(progress_of(date, date, std::nullopt), SessionProgress::held);
    // A draft report is still the expert's: the session counts as held.
    EXPECT_EQ(progress_of(date, date, ReportState::draft), SessionProgress::held);
    EXPECT_EQ(progress_of(date, date, ReportState::submitted), SessionProgress::report_submitted);
    EXPECT_EQ(progress_of(date, date, ReportState::returned), SessionProgress::report_returned);
    EXPECT_EQ(progress_of(date, date, ReportState::accepted), SessionProgress::report_accepted);
}

TEST(SessionProgress, LabelsAreTheOnesTheSecretariatReads) {
    EXPECT_EQ(label_in(session_progresses(), SessionProgress::unplanned), "未計画");
    EXPECT_EQ(label_in(session_progresses(), SessionProgress::planned), "予定");
    EXPECT_EQ(label_in(session_progresses(), SessionProgress::held), "実施済");
    EXPECT_EQ(label_in(session_progresses(), SessionProgress::report_submitted), "報告提出");
    EXPECT_EQ(label_in(session_progresses(), SessionProgress::report_accepted), "報告受理");
}

}  // namespace
}  // namespace shido::core
