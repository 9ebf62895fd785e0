#include "core/course/tasks.hpp"

#include <gtest/gtest.h>

#include "core/course/confirmations.hpp"

namespace shido::core {
namespace {

Task open_task(std::optional<std::string> due) {
    Task t;
    t.due_date = std::move(due);
    return t;
}

TEST(Tasks, ACourseTaskIsDueTheDayBeforeItsSession) {
    EXPECT_EQ(course_task_due(std::string("2027-01-12")), "2027-01-11");
    EXPECT_EQ(course_task_due(std::string("2027-03-01")), "2027-02-28");
    EXPECT_EQ(course_task_due(std::string("2028-01-01")), "2027-12-31");
    EXPECT_EQ(course_task_due(std::nullopt), std::nullopt);
    EXPECT_EQ(course_task_due(std::string("2027-02-30")), std::nullopt);
}

TEST(Tasks, OverdueIsOpenAndPastItsDueDate) {
    EXPECT_TRUE(is_overdue(open_task("2026-11-30"), "2026-12-01"));
    EXPECT_FALSE(is_overdue(open_task("2026-12-01"), "2026-12-01"));  // due today: not yet
    EXPECT_FALSE(is_overdue(open_task(std::nullopt), "2026-12-01"));
    auto done = open_task("2026-11-01");
    done.done_at = 1;
    EXPECT_FALSE(is_overdue(done, "2026-12-01"));
}

TEST(Tasks, DueSoonIsWithinTheDaysFromTodayAndNotOverdue) {
    EXPECT_TRUE(is_due_soon(open_task("2026-12-01"), "2026-12-01", 3));
    EXPECT_TRUE(is_due_soon(open_task("2026-12-04"), "2026-12-01", 3));
    EXPECT_FALSE(is_due_soon(open_task("2026-12-05"), "2026-12-01", 3));
    EXPECT_FALSE(is_due_soon(open_task("2026-11-30"), "2026-12-01", 3));
    EXPECT_TRUE(is_due_soon(open_task("2027-01-02"), "2026-12-30", 3));  // across the year
}

TEST(Confirmations, TheProgrammeAsksForTheExecutiveALeaderAndTheItPerson) {
    std::vector<Participant> people;
    EXPECT_EQ(
        missing_participant_kinds(people),
        (std::vector<ParticipantKind>{ParticipantKind::executive, ParticipantKind::business_leader,
                                      ParticipantKind::it_person}));
    people.push_back({"社長", "", ParticipantKind::executive, std::nullopt, std::nullopt, 0});
    people.push_back({"担当", "", ParticipantKind::other, std::nullopt, std::nullopt, 0});
    EXPECT_EQ(missing_participant_kinds(people),
              (std::vector<ParticipantKind>{ParticipantKind::business_leader,
                                            ParticipantKind::it_person}));
    for (auto kind : all_participant_kinds)
        EXPECT_EQ(parse_participant_kind(to_string(kind)), kind);
    EXPECT_FALSE(parse_participant_kind("boss"));
}

}  // namespace
}  // namespace shido::core
