#include "core/notifications/retry_policy.hpp"

#include <gtest/gtest.h>

#include "core/notifications/notice_text.hpp"

namespace shido::core {
namespace {

TEST(RetryPolicy, BacksOffThenCapsThenGivesUp) {
    RetryPolicy policy{{60, 300, 900, 3600}, 6};
    EXPECT_EQ(after_failure(policy, 1, 1000).next_attempt_at, 1060);
    EXPECT_EQ(after_failure(policy, 2, 1000).next_attempt_at, 1300);
    EXPECT_EQ(after_failure(policy, 3, 1000).next_attempt_at, 1900);
    EXPECT_EQ(after_failure(policy, 4, 1000).next_attempt_at, 4600);
    EXPECT_EQ(after_failure(policy, 5, 1000).next_attempt_at, 4600);  // capped
    EXPECT_FALSE(after_failure(policy, 5, 1000).give_up);
    EXPECT_TRUE(after_failure(policy, 6, 1000).give_up);
    EXPECT_TRUE(after_failure(policy, 1, 1000, true).give_up);  // a 5xx refusal is final
}

TEST(RetryPolicy, ParsesDelayLists) {
    EXPECT_EQ(parse_delays("60,300"), (std::vector<long long>{60, 300}));
    EXPECT_EQ(parse_delays("1"), (std::vector<long long>{1}));
    EXPECT_FALSE(parse_delays(""));
    EXPECT_FALSE(parse_delays("60,,300"));
    EXPECT_FALSE(parse_delays("0"));
    EXPECT_FALSE(parse_delays("-5"));
    EXPECT_FALSE(parse_delays("1m"));
}

TEST(NoticeText, ComposesJapaneseTitlesAndBodies) {
    NoticeFacts facts;
    facts.company_name = "株式会社サンプル製作所";
    facts.session_no = 2;
    facts.date = "2026-12-02";
    facts.start_time = "10:00";
    facts.end_time = "12:00";
    facts.place = "本社 会議室A";
    auto tomorrow = compose_notice(NotificationKind::session_tomorrow, facts);
    EXPECT_EQ(tomorrow.title, "明日の指導：株式会社サンプル製作所 第2回");
    EXPECT_NE(tomorrow.body.find("2026年12月2日（水） 10:00〜12:00"), std::string::npos)
        << tomorrow.body;
    EXPECT_NE(tomorrow.body.find("場所：本社 会議室A"), std::string::npos);
    EXPECT_EQ(compose_notice(NotificationKind::expert_assigned, facts).title,
              "専門家の割り当て：株式会社サンプル製作所");
    facts.note = "第3章の記載が不足しています。";
    auto returned = compose_notice(NotificationKind::report_returned, facts);
    EXPECT_EQ(returned.title, "実施報告の差し戻し：株式会社サンプル製作所 第2回");
    EXPECT_NE(returned.body.find("差し戻しの理由：\n第3章の記載が不足しています。"),
              std::string::npos);
    for (const auto& entry : notification_kinds()) {
        auto text = compose_notice(entry.value, facts);
        EXPECT_EQ(text.title.rfind(std::string(entry.label), 0), 0u) << entry.key;
        EXPECT_EQ(text.title.find('\n'), std::string::npos);
        EXPECT_FALSE(text.body.empty());
    }
}

TEST(NoticeText, TaskRemindersByDueDate) {
    EXPECT_EQ(task_reminder("2026-12-10", "2026-12-01"), std::nullopt);
    EXPECT_EQ(task_reminder("2026-12-03", "2026-12-01"), NotificationKind::task_due_soon);
    EXPECT_EQ(task_reminder("2026-12-01", "2026-12-01"), NotificationKind::task_due_soon);
    EXPECT_EQ(task_reminder("2026-11-30", "2026-12-01"), NotificationKind::task_overdue);
    EXPECT_EQ(task_reminder("not a date", "2026-12-01"), std::nullopt);
}

TEST(NotificationKind, KeysAndLabelsRoundTrip) {
    for (const auto& entry : notification_kinds())
        EXPECT_EQ(parse_notification_kind(entry.key), entry.value);
    EXPECT_EQ(label_ja(NotificationKind::task_overdue), "期限切れのタスク");
    EXPECT_EQ(parse_outbox_status("failed"), OutboxStatus::failed);
    EXPECT_FALSE(parse_outbox_status("lost"));
}

}  // namespace
}  // namespace shido::core
