#include "storage/database.hpp"

#include <gtest/gtest.h>

#include "storage/access/anchor_repository.hpp"
#include "storage/transaction.hpp"
#include "support/seed.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using DatabaseCacheTest = DatabaseTest;

// A cached statement left active would pin its connection to an old snapshot (SQLite): the
// connection would miss other connections' writes and fail to write itself.
TEST_F(DatabaseCacheTest, CachedReadsLeaveNoSnapshotBehind) {
    auto jimu = demo_user("jimu");
    storage::Connection a(*db_);
    core::Id engagement = 0;
    {
        storage::Connection setup(*db_);
        engagement = insert_engagement(setup, insert_company(setup, "前株式会社", now_),
                                       std::nullopt, core::EngagementStatus::planned, now_);
    }
    // Every statement cached per connection: user, engagement, anchors.
    EXPECT_TRUE(storage::UserRepository(a).find(jimu.id));
    EXPECT_TRUE(storage::EngagementRepository(a).find(engagement));
    EXPECT_TRUE(
        storage::find_anchored_engagement(a, core::Anchor::engagement, engagement, as(jimu).actor));
    core::Id later = 0;
    {
        storage::Connection b(*db_);
        storage::Transaction tx(b);
        later = insert_engagement(b, insert_company(b, "別接続株式会社", now_), std::nullopt,
                                  core::EngagementStatus::planned, now_);
        tx.commit();
    }
    EXPECT_TRUE(storage::EngagementRepository(a).find(later));
    EXPECT_TRUE(
        storage::find_anchored_engagement(a, core::Anchor::engagement, later, as(jimu).actor));
    storage::Transaction tx(a);
    EXPECT_NO_THROW(insert_company(a, "書ける株式会社", now_));
    tx.commit();
}

TEST_F(DatabaseCacheTest, DialectFollowsTheUrl) {
    EXPECT_EQ(storage::dialect_of("sqlite:/tmp/x.db"), storage::Dialect::sqlite);
    EXPECT_EQ(storage::dialect_of("postgresql://u@h/db"), storage::Dialect::postgresql);
    EXPECT_EQ(db_->dialect(),
              running_on_postgresql() ? storage::Dialect::postgresql : storage::Dialect::sqlite);
}

}  // namespace
}  // namespace shido::testing
