// The 様式2 tables on SQLite and PostgreSQL: rows kept per category with the stable key, the
// version guarding writes, the schema refusing unknown results.
#include "storage/rules/rules_check_repository.hpp"

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace shido::testing {
namespace {

class RulesCheckRepositoryTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        expert1 = demo_user("expert1");
        engagement_id = services_->engagements.list(as(expert1), {}).items.at(0).id;
    }
    core::rules::RulesCheck sheet() {
        core::rules::RulesCheck check;
        check.engagement_id = engagement_id;
        check.regulations_id = "ipa-3.1";
        check.regulations_version = 2;
        check.rows = core::rules::blank_rows("ipa-3.1", 11);
        check.rows[3].result = core::rules::ReviewResult::revised;
        check.rows[3].content = "パスワード規程を改定";
        check.rows[3].due_date = "2027-03-31";
        return check;
    }
    core::User expert1;
    core::Id engagement_id = 0;
};

TEST_F(RulesCheckRepositoryTest, SavesAndReadsBackEveryRow) {
    storage::Connection c(*db_);
    storage::RulesCheckRepository repo(c);
    EXPECT_FALSE(repo.find(engagement_id));
    ASSERT_TRUE(repo.save(sheet(), 0, expert1.id, now_));
    auto found = repo.find(engagement_id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->version, 1);
    EXPECT_EQ(found->regulations_version, 2);
    ASSERT_EQ(found->rows.size(), 11u);
    EXPECT_EQ(found->rows[3].result, core::rules::ReviewResult::revised);
    EXPECT_EQ(found->rows[3].due_date, "2027-03-31");
    EXPECT_EQ(found->rows[3].category_key, "ipa-3.1/4");
    EXPECT_FALSE(found->rows[4].result);
    EXPECT_EQ(found->updated_by_name, expert1.name);
}

TEST_F(RulesCheckRepositoryTest, AStaleVersionWritesNothing) {
    storage::Connection c(*db_);
    storage::RulesCheckRepository repo(c);
    ASSERT_TRUE(repo.save(sheet(), 0, expert1.id, now_));
    EXPECT_FALSE(repo.save(sheet(), 0, expert1.id, now_));  // a second first save
    auto changed = sheet();
    changed.rows[3].result.reset();
    EXPECT_FALSE(repo.save(changed, 5, expert1.id, now_));
    EXPECT_EQ(repo.find(engagement_id)->rows[3].result, core::rules::ReviewResult::revised);
    ASSERT_TRUE(repo.save(changed, 1, expert1.id, now_ + 1));
    EXPECT_EQ(repo.find(engagement_id)->version, 2);
    EXPECT_FALSE(repo.find(engagement_id)->rows[3].result);
}

TEST_F(RulesCheckRepositoryTest, SubmitKeepsTheSnapshotOfThatVersion) {
    storage::Connection c(*db_);
    storage::RulesCheckRepository repo(c);
    ASSERT_TRUE(repo.save(sheet(), 0, expert1.id, now_));
    EXPECT_FALSE(repo.submit(engagement_id, 2, {{"v", 2}}, expert1.id, now_));
    EXPECT_FALSE(repo.submitted(engagement_id));
    ASSERT_TRUE(repo.submit(engagement_id, 1, {{"v", 1}}, expert1.id, now_ + 5));
    EXPECT_EQ((*repo.submitted(engagement_id))["v"], 1);
    auto status = repo.statuses({engagement_id}).at(engagement_id);
    EXPECT_EQ(status.state, core::documents::DocumentState::submitted);
    EXPECT_EQ(status.submitted_at, now_ + 5);
}

TEST_F(RulesCheckRepositoryTest, TheSchemaRefusesAnUnknownResult) {
    storage::Connection c(*db_);
    ASSERT_TRUE(storage::RulesCheckRepository(c).save(sheet(), 0, expert1.id, now_));
    EXPECT_TRUE(violates_constraint([&] {
        c.sql() << "UPDATE rules_check_rows SET result = 'maybe' WHERE engagement_id = :e",
            soci::use(engagement_id);
    }));
}

}  // namespace
}  // namespace shido::testing
