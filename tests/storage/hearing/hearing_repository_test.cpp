// The hearing sheet's storage on SQLite and PostgreSQL: versions guard every write, a template
// item's first row is made once, the flag keeps who raised it, only added items are deleted,
// and the texts the basic policy's editor reads.
#include <gtest/gtest.h>

#include "storage/hearing/hearing_repository.hpp"
#include "storage/hearing/hearing_texts.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

class HearingRepositoryTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        expert = demo_user("expert1");
        engagement_id = services_->engagements.list(as(expert), {}).items.at(0).id;
    }
    core::hearing::Entry entry(const std::string& key, int section) {
        core::hearing::Entry e;
        e.item_key = key;
        e.section_no = section;
        return e;
    }
    core::User expert;
    core::Id engagement_id = 0;
};

TEST_F(HearingRepositoryTest, WritesAreGuardedByVersionsAndTheFlagKeepsWhoRaisedIt) {
    storage::Connection c(*db_);
    storage::HearingRepository repo(c);
    repo.ensure_sheet(engagement_id, "standard", 1, now_);
    repo.ensure_sheet(engagement_id, "later", 2, now_ + 1);
    EXPECT_EQ(repo.find_sheet(engagement_id)->sheet_id, "standard") << "a sheet keeps its edition";

    auto e = entry("5.9", 5);
    e.result = "週1回";
    e.unclear = true;
    EXPECT_TRUE(repo.insert_entry(engagement_id, e, expert.id, now_));
    EXPECT_FALSE(repo.insert_entry(engagement_id, e, expert.id, now_)) << "made once";
    auto stored = repo.entries(engagement_id).at(0);
    EXPECT_EQ(stored.version, 1);
    EXPECT_EQ(stored.unclear_at, now_);

    stored.result = "週1回（外付けディスク）";
    EXPECT_TRUE(repo.update_entry(engagement_id, stored, 1, expert.id, now_ + 50));
    EXPECT_FALSE(repo.update_entry(engagement_id, stored, 1, expert.id, now_ + 60));
    auto again = repo.entries(engagement_id).at(0);
    EXPECT_EQ(again.version, 2);
    EXPECT_EQ(again.unclear_at, now_) << "the flag stayed raised: its time is kept";
    again.unclear = false;
    EXPECT_TRUE(repo.update_entry(engagement_id, again, 2, expert.id, now_ + 70));
    auto cleared = repo.entries(engagement_id).at(0);
    EXPECT_FALSE(cleared.unclear);
    EXPECT_FALSE(cleared.unclear_at);
}

TEST_F(HearingRepositoryTest, OnlyAddedItemsAreDeleted) {
    storage::Connection c(*db_);
    storage::HearingRepository repo(c);
    repo.ensure_sheet(engagement_id, "standard", 1, now_);
    repo.insert_entry(engagement_id, entry("1", 1), expert.id, now_);
    auto added = repo.add_entry(engagement_id, 2, "追加の項目", expert.id, now_);
    auto template_row = repo.entries(engagement_id).at(0);
    EXPECT_FALSE(repo.delete_added_entry(engagement_id, template_row.id, 1));
    EXPECT_FALSE(repo.delete_added_entry(engagement_id, added, 2)) << "stale version";
    EXPECT_TRUE(repo.delete_added_entry(engagement_id, added, 1));
    EXPECT_EQ(repo.entries(engagement_id).size(), 1u);
}

TEST_F(HearingRepositoryTest, ThePolicyEditorReadsTheNonEmptyTexts) {
    storage::Connection c(*db_);
    EXPECT_TRUE(storage::hearing_result_texts(c, engagement_id).empty());
    storage::HearingRepository repo(c);
    repo.ensure_sheet(engagement_id, "standard", 1, now_);
    auto customers = entry("5.8", 5);
    customers.preparation = "Web サイト: 個人のお客様の名簿を扱う";
    customers.result = "お客様からお預かりした個人情報が約2,000件";
    repo.insert_entry(engagement_id, customers, expert.id, now_);
    auto empty = entry("5.9", 5);
    empty.unclear = true;
    repo.insert_entry(engagement_id, empty, expert.id, now_);
    auto texts = storage::hearing_result_texts(c, engagement_id);
    ASSERT_EQ(texts.size(), 2u);
    EXPECT_EQ(texts[0], customers.preparation);
    EXPECT_EQ(texts[1], customers.result);
}

TEST_F(HearingRepositoryTest, StatusesOfManyEngagementsAtOnce) {
    storage::Connection c(*db_);
    storage::HearingRepository repo(c);
    repo.ensure_sheet(engagement_id, "standard", 1, now_);
    auto none = storage::hearing_statuses(c, {engagement_id, 999999});
    EXPECT_EQ(none.at(engagement_id).state, core::documents::DocumentState::not_started)
        << "a sheet row alone is not a start";
    EXPECT_EQ(none.at(999999).state, core::documents::DocumentState::not_started);
    repo.add_entry(engagement_id, 1, "追加", expert.id, now_);
    repo.touch(engagement_id, now_ + 5);
    EXPECT_EQ(storage::hearing_statuses(c, {engagement_id}).at(engagement_id).state,
              core::documents::DocumentState::draft);
    repo.submit(engagement_id, "{}", expert.id, now_ + 9);
    auto submitted = storage::hearing_statuses(c, {engagement_id}).at(engagement_id);
    EXPECT_EQ(submitted.state, core::documents::DocumentState::submitted);
    EXPECT_EQ(submitted.submitted_at, now_ + 9);
    EXPECT_EQ(submitted.updated_at, now_ + 5);
}

}  // namespace
}  // namespace shido::testing
