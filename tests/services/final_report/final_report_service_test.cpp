// The final report on a real database (SQLite, and PostgreSQL in the test command): the draft
// from the demo engagement, who reads which copy, versions, the workflow with its comment rule,
// the frozen accepted report, the audit, the status and the package's file.
#include <gtest/gtest.h>

#include "core/final_report/draft.hpp"
#include "services/final_report/final_report_views.hpp"
#include "storage/audit/audit_repository.hpp"
#include "support/domain_error.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

namespace fr = core::final_report;
using core::Anchor;
using core::EngagementAction;
using core::ErrorCode;
using core::ReportEvent;
using core::ReportState;
using core::documents::DocumentState;

class FinalReportServiceTest : public DatabaseTest {
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
    services::FinalReportView get(const core::User& user) {
        return services_->final_report.get(as(user),
                                           on_maker(user, EngagementAction::view_reports));
    }
    services::FinalReportView save(const std::string& evaluation, int version) {
        auto view = get(expert1);
        fr::Body texts = view.report ? view.report->body : view.draft.value_or(fr::Body{});
        texts.text(fr::Section::evaluation) = evaluation;
        return services_->final_report.save(
            as(expert1), on_maker(expert1, EngagementAction::write_records), texts, version);
    }
    services::FinalReportView submit(int version) {
        return services_->final_report.submit(
            as(expert1), on_maker(expert1, EngagementAction::write_records), version);
    }
    services::FinalReportView review(ReportEvent event, const std::string& comment, int version) {
        return services_->final_report.review(
            as(jimu), on_maker(jimu, EngagementAction::review_reports), event, comment, version);
    }
    std::vector<storage::AuditEntry> audit(const std::string& action) {
        storage::Connection c(*db_);
        storage::AuditQuery q;
        q.engagement_id = maker.id;
        q.entity = "final_report";
        q.action = action;
        return storage::AuditRepository(c).page(q).items;
    }
    core::User jimu, expert1, owner1;
    core::Engagement maker;
};

TEST_F(FinalReportServiceTest, TheExpertStartsFromADraftOfTheEngagementsFacts) {
    auto view = get(expert1);
    EXPECT_TRUE(view.working_copy);
    EXPECT_FALSE(view.report);
    ASSERT_TRUE(view.draft);
    const auto& facts = view.draft->facts;
    ASSERT_EQ(facts.sessions.size(), 4u);
    EXPECT_EQ(facts.sessions[0].planned_date, "2026-12-03");
    ASSERT_TRUE(facts.diagnosis.first) << "the demo has one answered round";
    EXPECT_GT(facts.diagnosis.first->respondents, 0);
    EXPECT_FALSE(facts.diagnosis.final);
    EXPECT_EQ(facts.policy.state, DocumentState::draft);
    EXPECT_NE(view.draft->text(fr::Section::overview).find("第1回"), std::string::npos);
    EXPECT_NE(view.draft->text(fr::Section::diagnosis).find(facts.diagnosis.first->band_label),
              std::string::npos);
    EXPECT_EQ(services_->final_report.status(on_maker(jimu, EngagementAction::view)).state,
              DocumentState::not_started);
}

TEST_F(FinalReportServiceTest, OthersSeeNothingUntilItIsSubmittedThenOnlyTheSubmittedCopy) {
    save("初稿の所見", 0);
    auto secretariat = get(jimu);
    EXPECT_FALSE(secretariat.working_copy);
    EXPECT_FALSE(secretariat.report) << "the secretariat never reads the working copy";
    EXPECT_FALSE(secretariat.draft);
    EXPECT_FALSE(get(owner1).report);
    EXPECT_EQ(code_of([&] {
                  services_->final_report.document(as(jimu),
                                                   on_maker(jimu, EngagementAction::view_reports));
              }),
              ErrorCode::conflict);
    submit(1);
    auto view = get(jimu);
    ASSERT_TRUE(view.report);
    ASSERT_TRUE(view.report->submitted);
    EXPECT_EQ(view.report->submitted->text(fr::Section::evaluation), "初稿の所見");
    auto json = services::to_json(view);
    EXPECT_TRUE(json["report"]["body"].is_null()) << "only the author gets the working copy";
}

TEST_F(FinalReportServiceTest, AStaleVersionIsAConflictAndChangesNothing) {
    save("一", 0);
    EXPECT_EQ(code_of([&] { save("二", 0); }), ErrorCode::conflict);
    EXPECT_EQ(code_of([&] { save("二", 5); }), ErrorCode::conflict);
    EXPECT_EQ(get(expert1).report->body.text(fr::Section::evaluation), "一");
    EXPECT_EQ(code_of([&] { submit(9); }), ErrorCode::conflict);
    EXPECT_EQ(get(expert1).report->state, ReportState::draft);
}

TEST_F(FinalReportServiceTest, SubmissionNeedsTheEvaluationAndReturnNeedsAComment) {
    save("", 0);
    EXPECT_TRUE(fails_on("texts.evaluation", [&] { submit(1); }));
    save("所見", 1);
    submit(2);
    EXPECT_TRUE(fails_on("comment", [&] { review(ReportEvent::return_to_expert, "  ", 3); }));
    EXPECT_EQ(get(expert1).report->state, ReportState::submitted);
    // The expert cannot change it while the secretariat has it.
    EXPECT_EQ(code_of([&] { save("変更", 3); }), ErrorCode::conflict);
}

TEST_F(FinalReportServiceTest, ReturnedOnceThenAcceptedAndFrozenEveryMoveAudited) {
    save("初稿", 0);
    submit(1);
    auto returned = review(ReportEvent::return_to_expert, "評価をもう少し具体的に", 2);
    EXPECT_EQ(returned.report->state, ReportState::returned);
    EXPECT_EQ(services_->final_report.status(on_maker(jimu, EngagementAction::view)).state,
              DocumentState::draft);
    save("具体的な所見", 3);
    submit(4);
    auto accepted = review(ReportEvent::accept, "", 5);
    EXPECT_EQ(accepted.report->state, ReportState::accepted);
    ASSERT_EQ(accepted.report->steps.size(), 4u);
    EXPECT_EQ(accepted.report->steps[1].comment, "評価をもう少し具体的に");
    EXPECT_EQ(accepted.report->steps[1].actor_name, jimu.name);
    EXPECT_EQ(accepted.report->submitted->text(fr::Section::evaluation), "具体的な所見");
    EXPECT_EQ(code_of([&] { save("後から", 6); }), ErrorCode::conflict);
    EXPECT_EQ(code_of([&] { review(ReportEvent::return_to_expert, "やはり", 6); }),
              ErrorCode::conflict);
    EXPECT_EQ(code_of([&] {
                  services_->final_report.refresh(
                      as(expert1), on_maker(expert1, EngagementAction::write_records), 6);
              }),
              ErrorCode::conflict);
    EXPECT_EQ(audit("create").size(), 1u);
    EXPECT_EQ(audit("update").size(), 1u);
    EXPECT_EQ(audit("submit_final_report").size(), 2u);
    EXPECT_EQ(audit("return_final_report").size(), 1u);
    auto accepts = audit("accept_final_report");
    ASSERT_EQ(accepts.size(), 1u);
    EXPECT_EQ(accepts[0].actor_name, jimu.name);
    EXPECT_EQ(services_->final_report.status(on_maker(jimu, EngagementAction::view)).state,
              DocumentState::submitted);
}

TEST_F(FinalReportServiceTest, OnlyTheSecretariatReviewsAndOnlyTheExpertWrites) {
    save("所見", 0);
    submit(1);
    EXPECT_EQ(code_of([&] {
                  grant(as(expert1), Anchor::engagement, maker.id,
                        EngagementAction::review_reports);
              }),
              ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] {
                  grant(as(jimu), Anchor::engagement, maker.id, EngagementAction::write_records);
              }),
              ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] {
                  grant(as(owner1), Anchor::engagement, maker.id, EngagementAction::review_reports);
              }),
              ErrorCode::forbidden);
}

TEST_F(FinalReportServiceTest, ARefreshKeepsTheExpertsOwnSections) {
    fr::Body texts = *get(expert1).draft;
    texts.text(fr::Section::overview) = "手で書き換えた概要";
    texts.text(fr::Section::support) = "来期も支援します";
    texts.text(fr::Section::evaluation) = "所見";
    services_->final_report.save(as(expert1), on_maker(expert1, EngagementAction::write_records),
                                 texts, 0);
    auto refreshed = services_->final_report.refresh(
        as(expert1), on_maker(expert1, EngagementAction::write_records), 1);
    const auto& body = refreshed.report->body;
    EXPECT_NE(body.text(fr::Section::overview), "手で書き換えた概要");
    EXPECT_EQ(body.text(fr::Section::support), "来期も支援します");
    EXPECT_EQ(body.text(fr::Section::evaluation), "所見");
    EXPECT_EQ(refreshed.report->version, 2);
    EXPECT_EQ(audit("refresh_final_report").size(), 1u);
}

TEST_F(FinalReportServiceTest, ThePackageTakesTheAcceptedCopyWithWhoAcceptedIt) {
    auto render = [](const fr::Document& d) {
        std::string out = d.title;
        for (const auto& s : d.sections) out += "|" + s.second;
        return out;
    };
    auto package = [&] {
        return services_->final_report.package_file(
            on_maker(jimu, EngagementAction::view_submitted_documents), render);
    };
    EXPECT_EQ(code_of([&] { package(); }), ErrorCode::conflict);
    save("提出した所見", 0);
    submit(1);
    auto file = package();
    EXPECT_EQ(file.file_name, "最終報告書.pdf");
    EXPECT_NE(file.bytes.find("提出した所見"), std::string::npos);
    EXPECT_FALSE(file.approved_by);
    review(ReportEvent::accept, "", 2);
    file = package();
    EXPECT_EQ(file.approved_by, jimu.name);
    EXPECT_EQ(file.approved_at, now_);
    EXPECT_EQ(file.media_type, "application/pdf");
}

}  // namespace
}  // namespace shido::testing
