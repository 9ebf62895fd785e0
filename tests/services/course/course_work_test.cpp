// The course as it is run, on a real database (SQLite, and PostgreSQL in the test command):
// tasks made once and following the plan, the report's workflow with its versions, what the
// secretariat may not read, whose reads are kept, and that a refused change leaves nothing.
#include <algorithm>

#include <gtest/gtest.h>

#include "services/course/course_work_views.hpp"
#include "storage/audit/audit_repository.hpp"
#include "storage/course/task_repository.hpp"
#include "storage/notifications/notification_repository.hpp"
#include "support/domain_error.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using core::Anchor;
using core::EngagementAction;

class CourseWorkTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        jimu = demo_user("jimu");
        expert1 = demo_user("expert1");
        owner1 = demo_user("owner1");
        maker = services_->engagements.list(as(expert1), {}).items.at(0);
    }
    services::EngagementGrant on_maker(const core::User& user, EngagementAction action) {
        return grant(as(user), Anchor::engagement, maker.id, action);
    }
    long long audit_entries() {
        storage::Connection c(*db_);
        storage::AuditQuery q;
        q.engagement_id = maker.id;
        return storage::AuditRepository(c).page(q).total;
    }
    std::vector<core::Task> tasks() {
        return services_->tasks.list(as(expert1), on_maker(expert1, EngagementAction::view));
    }
    void hold_session_1() {
        services_->session_records.hold(as(expert1),
                                        on_maker(expert1, EngagementAction::write_records), 1,
                                        services::today(env()));
    }
    services::ReportView save_report(std::optional<int> version) {
        auto draft =
            services_->reports.draft(on_maker(expert1, EngagementAction::write_records), 1);
        return services_->reports.save(
            as(expert1), on_maker(expert1, EngagementAction::write_records), 1, draft, version);
    }

    core::User jimu, expert1, owner1;
    core::Engagement maker;
};

TEST_F(CourseWorkTest, CourseTasksAreMadeOnceForEverySessionOfTheCourse) {
    auto first = tasks();
    std::size_t expected = 0;
    for (const auto& s : library_.curriculum.sessions)
        expected += s.company_prepares.size() + s.expert_prepares.size();
    EXPECT_EQ(first.size(), expected);
    {
        storage::Connection c(*db_);
        services::make_course_tasks(c, maker, library_.curriculum, now_);  // a second server
    }
    EXPECT_EQ(tasks().size(), expected);
}

TEST_F(CourseWorkTest, CourseTasksFollowTheSessionDateUnlessSomeoneDatedThemByHand) {
    auto before = tasks();
    services::TaskInput own;
    own.session_no = 2;
    own.side = "expert";
    own.title = "資料を印刷する";
    own.due_date = "2027-03-01";
    services_->tasks.add(as(expert1), on_maker(expert1, EngagementAction::work_tasks), own);

    services::EngagementInput plan;
    plan.version = maker.version;
    plan.sessions = {{2, "2027-03-10"}, {3, "2027-03-24"}, {4, "2027-04-07"}};
    services_->engagements.update(as(expert1), on_maker(expert1, EngagementAction::edit_plan),
                                  plan);
    for (const auto& t : tasks()) {
        if (t.session_no != 2) continue;
        if (t.origin == core::TaskOrigin::course)
            EXPECT_EQ(t.due_date, "2027-03-09") << t.title;
        else
            EXPECT_EQ(t.due_date, "2027-03-01") << t.title;
    }
}

TEST_F(CourseWorkTest, TheReportMovesOnlyAlongTheTableAndAStaleVersionChangesNothing) {
    auto saved = save_report(0);
    ASSERT_TRUE(saved.report);
    auto version = saved.report->version;
    // Not held yet: nothing to report on.
    EXPECT_EQ(code_of([&] {
                  services_->reports.submit(
                      as(expert1), on_maker(expert1, EngagementAction::write_records), 1, version);
              }),
              core::ErrorCode::conflict);
    hold_session_1();
    auto entries = audit_entries();
    EXPECT_EQ(code_of([&] {
                  services_->reports.submit(as(expert1),
                                            on_maker(expert1, EngagementAction::write_records), 1,
                                            version + 1);
              }),
              core::ErrorCode::conflict);
    EXPECT_EQ(audit_entries(), entries) << "a refused change leaves no audit entry";
    auto submitted = services_->reports.submit(
        as(expert1), on_maker(expert1, EngagementAction::write_records), 1, version);
    EXPECT_EQ(submitted.report->state, core::ReportState::submitted);
    EXPECT_EQ(audit_entries(), entries + 1);

    auto review = on_maker(jimu, EngagementAction::review_reports);
    EXPECT_TRUE(fails_on("comment", [&] {
        services_->reports.review(as(jimu), review, 1, core::ReportEvent::return_to_expert, "",
                                  submitted.report->version);
    }));
    auto accepted = services_->reports.review(as(jimu), review, 1, core::ReportEvent::accept, "",
                                              submitted.report->version);
    EXPECT_EQ(accepted.report->state, core::ReportState::accepted);
    ASSERT_EQ(accepted.report->steps.size(), 2u);
    EXPECT_EQ(accepted.report->steps[1].actor_name, jimu.name);
    EXPECT_EQ(code_of([&] { save_report(accepted.report->version); }), core::ErrorCode::conflict);
    EXPECT_EQ(code_of([&] {
                  services_->reports.review(as(jimu), review, 1,
                                            core::ReportEvent::return_to_expert, "x",
                                            accepted.report->version);
              }),
              core::ErrorCode::conflict);
}

TEST_F(CourseWorkTest, TheSecretariatReadsSubmittedReportsButNeverTheWorkingRecords) {
    EXPECT_EQ(code_of([&] { on_maker(jimu, EngagementAction::view_records); }),
              core::ErrorCode::forbidden);
    save_report(0);
    auto seen = services_->reports.get(as(jimu), on_maker(jimu, EngagementAction::view_reports), 1);
    EXPECT_FALSE(seen.report) << "a draft stays the expert's";
    EXPECT_FALSE(seen.draft);
    auto owner_view =
        services_->session_records.get(on_maker(owner1, EngagementAction::view_records), 1);
    EXPECT_EQ(owner_view.session->no, 1);
}

TEST_F(CourseWorkTest, ReadsFromOutsideTheCompanyAreKeptForTheOwner) {
    auto grant_jimu = on_maker(jimu, EngagementAction::view_reports);
    services_->record_reads.note(as(jimu), grant_jimu, "/api/v1/engagements/1/sessions/1/report");
    services_->record_reads.note(as(owner1), on_maker(owner1, EngagementAction::view_records),
                                 "/x");
    services_->record_reads.note(as(jimu), on_maker(jimu, EngagementAction::view), "/y");
    auto reads =
        services_->record_reads.list(on_maker(owner1, EngagementAction::view_record_reads), {});
    ASSERT_EQ(reads.total, 1);
    EXPECT_EQ(reads.items[0].reader_name, jimu.name);
    EXPECT_EQ(reads.items[0].record, "実施報告");
    EXPECT_EQ(code_of([&] { on_maker(jimu, EngagementAction::view_record_reads); }),
              core::ErrorCode::forbidden);
}

TEST_F(CourseWorkTest, EachSideTicksOnlyItsOwnTasksAndABadTaskNamesItsFields) {
    auto list = tasks();
    auto company = std::find_if(list.begin(), list.end(), [](const core::Task& t) {
        return t.side == core::TaskSide::company;
    });
    ASSERT_NE(company, list.end());
    EXPECT_EQ(code_of([&] {
                  services_->tasks.set_done(as(expert1),
                                            on_maker(expert1, EngagementAction::work_tasks),
                                            company->id, true);
              }),
              core::ErrorCode::forbidden);
    auto done = services_->tasks.set_done(
        as(owner1), on_maker(owner1, EngagementAction::work_tasks), company->id, true);
    EXPECT_TRUE(done.done_at);
    services::TaskInput bad;
    bad.session_no = 99;
    bad.side = "boss";
    EXPECT_TRUE(fails_on("session_no", [&] {
        services_->tasks.add(as(owner1), on_maker(owner1, EngagementAction::work_tasks), bad);
    }));
}

TEST_F(CourseWorkTest, OpenTasksDueSoonAreRemindedOnce) {
    services::TaskInput soon;
    soon.session_no = 1;
    soon.side = "company";
    soon.title = "会社案内を用意する";
    soon.due_date = services::today(env());  // due today: a reminder is due
    services_->tasks.add(as(owner1), on_maker(owner1, EngagementAction::work_tasks), soon);
    auto unread = [&](const core::User& u) {
        storage::Connection c(*db_);
        return storage::NotificationRepository(c).unread_count(u.id);
    };
    auto owner_before = unread(owner1);
    services::remind_due_tasks(*db_, services::today(env()), now_);
    EXPECT_GT(unread(owner1), owner_before);
    auto mentions_task = [&](const core::User& u) {
        storage::Connection c(*db_);
        storage::NotificationQuery q;
        q.recipient_id = u.id;
        q.page.limit = 200;
        auto page = storage::NotificationRepository(c).page(q);
        return std::any_of(page.items.begin(), page.items.end(), [](const auto& n) {
            return n.kind.rfind("task_", 0) == 0 &&
                   n.body.find("会社案内を用意する") != std::string::npos;
        });
    };
    EXPECT_TRUE(mentions_task(owner1));
    EXPECT_FALSE(mentions_task(expert1)) << "the company's task is not the expert's";
    auto once = unread(owner1), expert_once = unread(expert1);
    services::remind_due_tasks(*db_, services::today(env()), now_ + 60);
    EXPECT_EQ(unread(owner1), once) << "each reminder is written once";
    EXPECT_EQ(unread(expert1), expert_once);
}

}  // namespace
}  // namespace shido::testing
