// The final report's tables on SQLite and PostgreSQL: the body with its facts read back, the
// version and the state guarding writes, the steps kept, the statuses of many engagements.
#include "storage/final_report/final_report_repository.hpp"

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace shido::testing {
namespace {

namespace fr = core::final_report;
using core::documents::DocumentState;

class FinalReportRepositoryTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        expert1 = demo_user("expert1");
        engagement_id = services_->engagements.list(as(expert1), {}).items.at(0).id;
    }
    static fr::Body body() {
        fr::Body b;
        b.text(fr::Section::overview) = "・第1回 実施";
        b.text(fr::Section::evaluation) = "所見\n二行目";
        b.facts.sessions = {{1, "第1回", "現状把握", std::string("2026-10-01"), std::nullopt}};
        b.facts.diagnosis.first = fr::RoundFact{"初回", 2, 40.5, "要改善"};
        b.facts.diagnosis.changes = {{3, "OS", 2.0, 4.0}};
        b.facts.policy = {DocumentState::approved, 1, std::string("社長"), core::Timestamp{5},
                          false};
        b.facts.rules.counts = {{"新規", 2}};
        b.facts.plan = fr::PlanFacts{3, "要約"};
        return b;
    }
    static core::ReportTransition move(core::ReportState from, core::ReportEvent event) {
        return *core::transition_for(from, event);
    }
    core::User expert1;
    core::Id engagement_id = 0;
};

TEST_F(FinalReportRepositoryTest, KeepsTheTextsAndTheFacts) {
    storage::Connection c(*db_);
    storage::FinalReportRepository repo(c);
    EXPECT_FALSE(repo.find(engagement_id));
    ASSERT_TRUE(repo.insert(engagement_id, body(), now_));
    EXPECT_FALSE(repo.insert(engagement_id, body(), now_));  // one report per engagement
    auto found = repo.find(engagement_id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->state, core::ReportState::draft);
    EXPECT_EQ(found->version, 1);
    EXPECT_EQ(found->body.text(fr::Section::evaluation), "所見\n二行目");
    EXPECT_EQ(found->body.facts.sessions.at(0).held_on, "2026-10-01");
    EXPECT_FALSE(found->body.facts.sessions.at(0).planned_date);
    EXPECT_EQ(found->body.facts.diagnosis.first->total_mean, 40.5);
    EXPECT_FALSE(found->body.facts.diagnosis.final);
    EXPECT_EQ(found->body.facts.diagnosis.changes.at(0).topic, "OS");
    EXPECT_EQ(found->body.facts.policy.approved_by, "社長");
    EXPECT_EQ(found->body.facts.plan->summary, "要約");
    EXPECT_FALSE(found->submitted);
}

TEST_F(FinalReportRepositoryTest, AStaleVersionOrAReportWithTheSecretariatWritesNothing) {
    storage::Connection c(*db_);
    storage::FinalReportRepository repo(c);
    ASSERT_TRUE(repo.insert(engagement_id, body(), now_));
    auto changed = body();
    changed.text(fr::Section::evaluation) = "変更";
    EXPECT_FALSE(repo.save_body(engagement_id, changed, 7, now_));
    ASSERT_TRUE(repo.save_body(engagement_id, changed, 1, now_ + 1));
    ASSERT_TRUE(repo.transition(engagement_id,
                                move(core::ReportState::draft, core::ReportEvent::submit), 2,
                                changed, expert1.id, expert1.name, "", now_ + 2));
    EXPECT_FALSE(repo.save_body(engagement_id, body(), 3, now_ + 3));  // submitted: frozen
    auto found = repo.find(engagement_id);
    EXPECT_EQ(found->state, core::ReportState::submitted);
    EXPECT_EQ(found->submitted->text(fr::Section::evaluation), "変更");
    // Two moves from the same version: only the first counts.
    auto accept = move(core::ReportState::submitted, core::ReportEvent::accept);
    EXPECT_TRUE(repo.transition(engagement_id, accept, 3, std::nullopt, std::nullopt, "事務局", "",
                                now_ + 4));
    EXPECT_FALSE(repo.transition(engagement_id, accept, 3, std::nullopt, std::nullopt, "事務局", "",
                                 now_ + 5));
    found = repo.find(engagement_id);
    ASSERT_EQ(found->steps.size(), 2u);
    EXPECT_EQ(found->steps[0].actor_name, expert1.name);
    EXPECT_EQ(found->steps[1].to, core::ReportState::accepted);
    EXPECT_EQ(found->steps[1].at, now_ + 4);
}

TEST_F(FinalReportRepositoryTest, StatusesOfManyEngagementsAtOnce) {
    storage::Connection c(*db_);
    storage::FinalReportRepository repo(c);
    auto statuses = repo.statuses({engagement_id, 999999});
    EXPECT_EQ(statuses.at(999999).state, DocumentState::not_started);
    EXPECT_EQ(statuses.at(engagement_id).state, DocumentState::not_started);
    ASSERT_TRUE(repo.insert(engagement_id, body(), now_));
    EXPECT_EQ(repo.statuses({engagement_id}).at(engagement_id).state, DocumentState::draft);
    ASSERT_TRUE(repo.transition(engagement_id,
                                move(core::ReportState::draft, core::ReportEvent::submit), 1,
                                body(), expert1.id, expert1.name, "", now_ + 10));
    auto submitted = repo.statuses({engagement_id}).at(engagement_id);
    EXPECT_EQ(submitted.state, DocumentState::submitted);
    EXPECT_EQ(submitted.submitted_at, now_ + 10);
    EXPECT_EQ(submitted.kind, core::documents::DocumentKind::final_report);
    ASSERT_TRUE(repo.transition(
        engagement_id, move(core::ReportState::submitted, core::ReportEvent::return_to_expert), 2,
        std::nullopt, std::nullopt, "事務局", "直してください", now_ + 11));
    EXPECT_EQ(repo.statuses({engagement_id}).at(engagement_id).state, DocumentState::draft);
}

TEST_F(FinalReportRepositoryTest, TheSchemaRefusesAnUnknownState) {
    storage::Connection c(*db_);
    EXPECT_TRUE(violates_constraint([&] {
        c.sql() << "INSERT INTO final_reports (engagement_id, state, body_json, version, "
                   "created_at, updated_at) VALUES (:e, 'lost', '{}', 1, 0, 0)",
            soci::use(engagement_id);
    }));
}

}  // namespace
}  // namespace shido::testing
