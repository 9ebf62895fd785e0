#include "services/notifications/notify.hpp"

#include <algorithm>
#include <mutex>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "services/notifications/outbox_worker.hpp"
#include "storage/notifications/notification_repository.hpp"
#include "storage/notifications/outbox_repository.hpp"
#include "storage/transaction.hpp"
#include "support/domain_error.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

// Records what it was asked to send; fails while `failing` says so.
class FakeSender : public services::MailSender {
  public:
    services::SendOutcome send(const services::Envelope& envelope) override {
        std::lock_guard lock(mutex);
        if (failing) return {false, permanent, permanent ? "SMTP 550: refused" : "connect failed"};
        sent.push_back(envelope);
        return {true, false, ""};
    }
    std::mutex mutex;
    std::vector<services::Envelope> sent;
    bool failing = false, permanent = false;
};

// The demo: 株式会社サンプル製作所 (expert1, owner1; first session 2026-12-03) and
// サンプル運輸株式会社 (expert2, owner2). The demo load tells both experts of their assignment.
class NotifyTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        jimu = demo_user("jimu");
        expert1 = demo_user("expert1");
        expert2 = demo_user("expert2");
        owner1 = demo_user("owner1");
        maker = services_->engagements.list(as(expert1), {}).items.at(0);
    }
    long long count(const std::string& sql) {
        storage::Connection c(*db_);
        long long n = 0;
        c.sql() << sql, soci::into(n);
        return n;
    }
    std::vector<storage::NotificationRow> notifications_of(const core::User& user) {
        return services_->notifications.list(as(user), {}).items;
    }
    services::Notice sample(std::vector<core::Id> recipients, std::string key) {
        services::Notice notice;
        notice.kind = core::NotificationKind::report_submitted;
        notice.recipients = std::move(recipients);
        notice.engagement_id = maker.id;
        notice.dedupe_key = std::move(key);
        notice.facts.company_name = maker.company_name;
        notice.facts.session_no = 1;
        notice.link = "/engagements/" + std::to_string(maker.id);
        return notice;
    }
    services::OutboxConfig worker_config(const std::string& id) {
        services::OutboxConfig config;
        config.worker_id = id;
        config.from = "shido@example.jp";
        config.public_url = "https://shido.example.jp";
        config.retry = core::RetryPolicy{{60, 300}, 3};
        return config;
    }
    core::User jimu, expert1, expert2, owner1;
    core::Engagement maker;
};

TEST_F(NotifyTest, TheDemoTellsEachExpertOfTheirAssignment) {
    auto mine = notifications_of(expert1);
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_EQ(mine[0].kind, "expert_assigned");
    EXPECT_EQ(mine[0].title, "専門家の割り当て：株式会社サンプル製作所");
    EXPECT_EQ(mine[0].link, "/engagements/" + std::to_string(maker.id));
    EXPECT_EQ(services_->notifications.unread_count(as(expert1)), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE status = 'queued'"), 2);
}

TEST_F(NotifyTest, ReassigningTellsTheNewExpertOnceAndOnlyThen) {
    services::EngagementInput input;
    input.version = maker.version;
    input.expert_id = std::optional<core::Id>(expert2.id);
    auto updated = services_->engagements.update(
        as(jimu),
        grant(as(jimu), core::Anchor::engagement, maker.id, core::EngagementAction::edit_plan),
        input);
    EXPECT_EQ(notifications_of(expert2).size(), 2u);
    input.version = updated.version;
    input.status = "in_progress";  // same expert, another change: nobody is told again
    services_->engagements.update(
        as(jimu),
        grant(as(jimu), core::Anchor::engagement, maker.id, core::EngagementAction::edit_plan),
        input);
    EXPECT_EQ(notifications_of(expert2).size(), 2u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), 3);
}

TEST_F(NotifyTest, WritesInTheCallersTransactionAndARollbackRemovesEverything) {
    {
        storage::Connection c(*db_);
        storage::Transaction tx(c);
        auto r = services::notify(c, sample({owner1.id, jimu.id}, "report_submitted:x1"), now_);
        EXPECT_EQ(r.notifications, 2);
        EXPECT_EQ(r.emails, 2);
        // not committed
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE kind = 'report_submitted'"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), 2);  // the demo's two
    storage::Connection c(*db_);
    storage::Transaction tx(c);
    services::notify(c, sample({owner1.id}, "report_submitted:x1"), now_);
    tx.commit();
    EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE kind = 'report_submitted'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), 3);
}

TEST_F(NotifyTest, TheDedupeKeyWritesOncePerRecipient) {
    storage::Connection c(*db_);
    for (int i = 0; i < 3; ++i) {
        storage::Transaction tx(c);
        services::notify(c, sample({owner1.id, owner1.id}, "report_submitted:r7:v1"), now_);
        tx.commit();
    }
    storage::Transaction tx(c);
    auto second =
        services::notify(c, sample({owner1.id, expert1.id}, "report_submitted:r7:v1"), now_);
    tx.commit();
    EXPECT_EQ(second.notifications, 1);  // only expert1 is new
    EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE kind = 'report_submitted'"), 2);
}

TEST_F(NotifyTest, RecipientsByAudience) {
    storage::Connection c(*db_);
    using services::Audience;
    EXPECT_EQ(services::recipients_of(c, maker, {Audience::secretariat}),
              (std::vector<core::Id>{jimu.id}));
    EXPECT_EQ(services::recipients_of(
                  c, maker, {Audience::expert, Audience::company_users, Audience::expert}),
              (std::vector<core::Id>{expert1.id, owner1.id}));
}

TEST_F(NotifyTest, AnInactiveAccountGetsTheNotificationButNoMail) {
    storage::Connection c(*db_);
    c.sql() << "UPDATE users SET active = 0 WHERE id = :id", soci::use(owner1.id);
    storage::Transaction tx(c);
    auto r = services::notify(c, sample({owner1.id}, "k"), now_);
    tx.commit();
    EXPECT_EQ(r.notifications, 1);
    EXPECT_EQ(r.emails, 0);
}

TEST_F(NotifyTest, SessionTomorrowTellsTheExpertAndTheCompanyOnce) {
    // The maker's first session is planned on 2026-12-03.
    auto first = services::notify_sessions_tomorrow(*db_, "2026-12-02", now_);
    EXPECT_EQ(first.notifications, 2);
    auto again = services::notify_sessions_tomorrow(*db_, "2026-12-02", now_ + 60);
    EXPECT_EQ(again.notifications, 0);
    EXPECT_EQ(services::notify_sessions_tomorrow(*db_, "2026-12-05", now_).notifications, 0);
    auto owners = notifications_of(owner1);
    ASSERT_EQ(owners.size(), 1u);
    EXPECT_EQ(owners[0].title, "明日の指導：株式会社サンプル製作所 第1回");
    EXPECT_EQ(notifications_of(expert1).size(), 2u);
}

TEST_F(NotifyTest, DueTasksAreRemindedOncePerKindAndDueDate) {
    services::DueTask task{91,           maker.id,    "情報資産の洗い出し", maker.company_name,
                           "2026-12-03", {owner1.id}, "/engagements/1"};
    storage::Connection c(*db_);
    for (auto today : {"2026-11-20", "2026-12-02", "2026-12-02", "2026-12-04", "2026-12-05"}) {
        storage::Transaction tx(c);
        services::notify_due_tasks(c, {task}, today, now_);
        tx.commit();
    }
    auto mine = notifications_of(owner1);
    ASSERT_EQ(mine.size(), 2u);
    EXPECT_EQ(mine[0].kind, "task_overdue");
    EXPECT_EQ(mine[1].kind, "task_due_soon");
}

TEST_F(NotifyTest, ReadingIsOwnOnly) {
    auto theirs = notifications_of(expert2).at(0).id;
    auto mine = notifications_of(expert1).at(0).id;
    EXPECT_EQ(code_of([&] { services_->notifications.mark_read(as(expert1), {theirs}); }),
              core::ErrorCode::not_found);
    EXPECT_EQ(code_of([&] {
                  services_->notifications.mark_read(as(expert1), {mine, theirs});
              }),
              core::ErrorCode::not_found);
    EXPECT_EQ(services_->notifications.unread_count(as(expert2)), 1);
    EXPECT_EQ(services_->notifications.mark_read(as(expert1), {mine}), 0);
    EXPECT_EQ(services_->notifications.unread_count(as(expert1)), 0);
    services::NotificationFilter unread;
    unread.unread_only = true;
    EXPECT_EQ(services_->notifications.list(as(expert1), unread).total, 0);
    EXPECT_EQ(services_->notifications.mark_all_read(as(expert2)), 0);
    EXPECT_EQ(services_->notifications.unread_count(as(expert2)), 0);
}

TEST_F(NotifyTest, AClaimIsExclusiveAndAnAbandonedOneIsTakenAgain) {
    storage::Connection c(*db_);
    storage::OutboxRepository outbox(c);
    auto due = outbox.due(now_, 10);
    ASSERT_EQ(due.size(), 2u);
    EXPECT_TRUE(outbox.claim(due[0], "a", now_, now_ + 300));
    EXPECT_FALSE(outbox.claim(due[0], "b", now_, now_ + 300));
    EXPECT_EQ(outbox.due(now_ + 299, 10).size(), 1u);
    // Server a died mid-send: after its claim ran out, b takes the row (a second attempt).
    EXPECT_EQ(outbox.due(now_ + 301, 10).size(), 2u);
    EXPECT_TRUE(outbox.claim(due[0], "b", now_ + 301, now_ + 601));
    EXPECT_FALSE(outbox.mark_sent(due[0], "a", now_ + 302));  // a's late result is ignored
    EXPECT_TRUE(outbox.mark_sent(due[0], "b", now_ + 302));
    auto row = outbox.find(due[0]).value();
    EXPECT_EQ(row.status, "sent");
    EXPECT_EQ(row.attempts, 2);
}

TEST_F(NotifyTest, TwoWorkersSendEveryMessageExactlyOnce) {
    {
        storage::Connection c(*db_);
        storage::Transaction tx(c);
        for (int i = 0; i < 40; ++i)
            services::notify(c, sample({owner1.id}, "bulk:" + std::to_string(i)), now_);
        tx.commit();
    }
    FakeSender one, two;
    services::OutboxWorker a(env(), worker_config("a"), &one), b(env(), worker_config("b"), &two);
    std::thread ta([&] { a.send_due(); }), tb([&] { b.send_due(); });
    ta.join();
    tb.join();
    std::multiset<std::string> ids;
    for (auto* sender : {&one, &two})
        for (const auto& e : sender->sent) ids.insert(e.data.substr(e.data.find("Message-ID: ")));
    EXPECT_EQ(one.sent.size() + two.sent.size(), 42u);
    std::set<std::string> unique(ids.begin(), ids.end());
    EXPECT_EQ(unique.size(), ids.size());
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE status = 'sent'"), 42);
}

TEST_F(NotifyTest, FailuresAreRetriedWithBackoffThenFailedAndTheSecretariatRequeues) {
    FakeSender sender;
    sender.failing = true;
    services::OutboxWorker worker(env(), worker_config("w"), &sender);
    auto pass = worker.send_due();
    EXPECT_EQ(pass.retried, 2);
    storage::Connection c(*db_);
    storage::OutboxRepository outbox(c);
    auto id = services_->outbox.list(as(jimu), {}).items.at(0).id;
    auto row = outbox.find(id).value();
    EXPECT_EQ(row.status, "queued");
    EXPECT_EQ(row.attempts, 1);
    EXPECT_EQ(row.next_attempt_at, now_ + 60);
    EXPECT_EQ(row.last_error, "connect failed");
    EXPECT_EQ(worker.send_due().retried, 0);  // not due yet
    now_ += 60;
    worker.send_due();
    EXPECT_EQ(outbox.find(id)->next_attempt_at, now_ + 300);
    now_ += 300;
    EXPECT_EQ(worker.send_due().failed, 2);  // third attempt of three
    row = outbox.find(id).value();
    EXPECT_EQ(row.status, "failed");
    EXPECT_EQ(row.attempts, 3);

    services::OutboxFilter failed;
    failed.status = "failed";
    EXPECT_EQ(services_->outbox.list(as(jimu), failed).total, 2);
    EXPECT_EQ(code_of([&] { services_->outbox.list(as(expert1), {}); }),
              core::ErrorCode::forbidden);
    auto requeued = services_->outbox.retry(as(jimu), id);
    EXPECT_EQ(requeued.status, "queued");
    EXPECT_EQ(requeued.attempts, 0);
    EXPECT_EQ(code_of([&] { services_->outbox.retry(as(jimu), id); }), core::ErrorCode::conflict);
    EXPECT_EQ(code_of([&] { services_->outbox.retry(as(jimu), 999999); }),
              core::ErrorCode::not_found);
    services::AuditFilter audit;
    audit.entity = "outbox_message";
    EXPECT_EQ(services_->audit.list(as(jimu), audit).total, 1);

    sender.failing = false;
    EXPECT_EQ(worker.send_due().sent, 1);
    ASSERT_EQ(sender.sent.size(), 1u);
    EXPECT_NE(sender.sent[0].data.find("Message-ID: " + row.message_id), std::string::npos);
}

TEST_F(NotifyTest, APermanentRefusalFailsAtOnce) {
    FakeSender sender;
    sender.failing = sender.permanent = true;
    services::OutboxWorker worker(env(), worker_config("w"), &sender);
    EXPECT_EQ(worker.send_due().failed, 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE status = 'failed' AND attempts = 1"), 2);
}

TEST_F(NotifyTest, WithoutASenderNothingIsClaimed) {
    services::OutboxWorker worker(env(), worker_config("w"), nullptr);
    EXPECT_EQ(worker.send_due().sent, 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE status = 'queued' AND attempts = 0"), 2);
}

}  // namespace
}  // namespace shido::testing
