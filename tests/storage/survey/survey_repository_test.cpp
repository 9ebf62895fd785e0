// survey_responses on SQLite and PostgreSQL: the answers kept with the form they were answered
// on, the version guarding writes, a submitted response frozen, the results' query with the
// expert and industry and its filters, and the statuses of many engagements at once.
#include "storage/survey/survey_repository.hpp"

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using core::documents::DocumentState;

class SurveyRepositoryTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        expert1 = demo_user("expert1");
        owner1 = demo_user("owner1");
        owner2 = demo_user("owner2");
        auto all = services_->engagements.list(as(demo_user("jimu")), {}).items;
        for (const auto& e : all) (e.expert_id == expert1.id ? maker : carrier) = e.id;
    }
    core::survey::SurveyResponse response(core::Id engagement_id, std::string overall) {
        core::survey::SurveyResponse r;
        r.engagement_id = engagement_id;
        r.survey_id = "guidance-1";
        r.survey_version = 1;
        r.answers.ratings["overall"] = std::move(overall);
        r.answers.comments["other"] = "特になし\n以上";
        return r;
    }
    core::User expert1, owner1, owner2;
    core::Id maker = 0, carrier = 0;
};

TEST_F(SurveyRepositoryTest, SavesADraftAndReadsItBack) {
    storage::Connection c(*db_);
    storage::SurveyRepository repo(c);
    EXPECT_FALSE(repo.find(maker));
    ASSERT_TRUE(repo.save_draft(response(maker, "4"), 0, owner1.id, now_));
    auto found = repo.find(maker);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->version, 1);
    EXPECT_EQ(found->survey_id, "guidance-1");
    EXPECT_EQ(found->state, core::survey::ResponseState::draft);
    EXPECT_EQ(found->answers.ratings.at("overall"), "4");
    EXPECT_EQ(found->answers.comments.at("other"), "特になし\n以上");
    EXPECT_EQ(found->updated_at, now_);
    EXPECT_FALSE(found->submitted_at);
}

TEST_F(SurveyRepositoryTest, AStaleVersionWritesNothing) {
    storage::Connection c(*db_);
    storage::SurveyRepository repo(c);
    ASSERT_TRUE(repo.save_draft(response(maker, "4"), 0, owner1.id, now_));
    EXPECT_FALSE(repo.save_draft(response(maker, "1"), 0, owner1.id, now_));
    EXPECT_FALSE(repo.save_draft(response(maker, "1"), 2, owner1.id, now_));
    ASSERT_TRUE(repo.save_draft(response(maker, "5"), 1, owner1.id, now_ + 1));
    EXPECT_EQ(repo.find(maker)->answers.ratings.at("overall"), "5");
    EXPECT_EQ(repo.find(maker)->version, 2);
}

TEST_F(SurveyRepositoryTest, ASubmittedResponseIsFrozen) {
    storage::Connection c(*db_);
    storage::SurveyRepository repo(c);
    ASSERT_TRUE(repo.save_draft(response(maker, "4"), 0, owner1.id, now_));
    EXPECT_FALSE(repo.submit(maker, 2, owner1.id, now_));
    ASSERT_TRUE(repo.submit(maker, 1, owner1.id, now_ + 10));
    auto found = repo.find(maker);
    EXPECT_EQ(found->state, core::survey::ResponseState::submitted);
    EXPECT_EQ(found->submitted_at, now_ + 10);
    EXPECT_FALSE(repo.submit(maker, found->version, owner1.id, now_ + 20));
    EXPECT_FALSE(repo.save_draft(response(maker, "1"), found->version, owner1.id, now_ + 20));
    EXPECT_EQ(repo.find(maker)->answers.ratings.at("overall"), "4");
}

TEST_F(SurveyRepositoryTest, SubmittedResponsesCarryExpertAndIndustryAndFilter) {
    storage::Connection c(*db_);
    storage::SurveyRepository repo(c);
    ASSERT_TRUE(repo.save_draft(response(maker, "4"), 0, owner1.id, now_));
    ASSERT_TRUE(repo.submit(maker, 1, owner1.id, now_ + 100));
    ASSERT_TRUE(repo.save_draft(response(carrier, "2"), 0, owner2.id, now_));
    EXPECT_TRUE(repo.submitted({}).size() == 1u);  // a draft is not a result
    ASSERT_TRUE(repo.submit(carrier, 1, owner2.id, now_ + 200));
    auto all = repo.submitted({});
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].engagement_id, maker);
    EXPECT_EQ(all[0].expert_id, expert1.id);
    EXPECT_EQ(all[0].expert_name, "専門家 一郎");
    EXPECT_EQ(all[0].industry, "製造業（金属加工）");
    EXPECT_EQ(all[0].company_name, "株式会社サンプル製作所");
    EXPECT_EQ(all[1].answers.ratings.at("overall"), "2");
    storage::SubmittedSurveyFilter by_expert;
    by_expert.expert_id = expert1.id;
    EXPECT_EQ(repo.submitted(by_expert).size(), 1u);
    storage::SubmittedSurveyFilter period;
    period.from = now_ + 150;
    EXPECT_EQ(repo.submitted(period).size(), 1u);
    period.until = now_ + 200;
    EXPECT_EQ(repo.submitted(period).size(), 0u);
}

TEST_F(SurveyRepositoryTest, StatusesOfManyEngagementsAtOnce) {
    storage::Connection c(*db_);
    storage::SurveyRepository repo(c);
    ASSERT_TRUE(repo.save_draft(response(maker, "4"), 0, owner1.id, now_));
    auto statuses = repo.statuses({maker, carrier});
    EXPECT_EQ(statuses.at(maker).kind, core::documents::DocumentKind::survey);
    EXPECT_EQ(statuses.at(maker).state, DocumentState::draft);
    EXPECT_EQ(statuses.at(maker).updated_at, now_);
    EXPECT_EQ(statuses.at(carrier).state, DocumentState::not_started);
    ASSERT_TRUE(repo.submit(maker, 1, owner1.id, now_ + 5));
    EXPECT_EQ(repo.statuses({maker}).at(maker).state, DocumentState::submitted);
    EXPECT_EQ(repo.statuses({maker}).at(maker).submitted_at, now_ + 5);
    EXPECT_TRUE(repo.statuses({}).empty());
}

TEST_F(SurveyRepositoryTest, TheSchemaRefusesAnUnknownState) {
    storage::Connection c(*db_);
    ASSERT_TRUE(storage::SurveyRepository(c).save_draft(response(maker, "4"), 0, owner1.id, now_));
    EXPECT_TRUE(violates_constraint([&] {
        c.sql() << "UPDATE survey_responses SET state = 'sent' WHERE engagement_id = :e",
            soci::use(maker);
    }));
}

}  // namespace
}  // namespace shido::testing
