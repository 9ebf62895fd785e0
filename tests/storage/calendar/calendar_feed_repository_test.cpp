#include "storage/calendar/calendar_feed_repository.hpp"

#include <gtest/gtest.h>

#include "support/seed.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using CalendarFeedRepositoryTest = DatabaseTest;

TEST_F(CalendarFeedRepositoryTest, OneFeedPerUserFoundByUserAndByTokenHash) {
    storage::Connection c(*db_);
    storage::CalendarFeedRepository feeds(c);
    auto user = insert_user(c, "expert@example.jp", "専門家", core::Role::expert, now_);
    EXPECT_FALSE(feeds.find_by_user(user));
    feeds.put({user, "hash-1", now_, std::nullopt});
    auto found = feeds.find_by_token("hash-1");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->user_id, user);
    EXPECT_EQ(found->created_at, now_);
    EXPECT_FALSE(found->last_polled_at);
    // Rotating replaces the hash: the old one finds nothing.
    feeds.put({user, "hash-2", now_ + 5, std::nullopt});
    EXPECT_FALSE(feeds.find_by_token("hash-1"));
    EXPECT_EQ(feeds.find_by_user(user)->token_hash, "hash-2");
    EXPECT_EQ(feeds.find_by_user(user)->created_at, now_ + 5);
    feeds.touch(user, now_ + 60);
    EXPECT_EQ(feeds.find_by_token("hash-2")->last_polled_at, now_ + 60);
    EXPECT_TRUE(feeds.remove(user));
    EXPECT_FALSE(feeds.remove(user));
    EXPECT_FALSE(feeds.find_by_token("hash-2"));
}

TEST_F(CalendarFeedRepositoryTest, TokenHashesAreUniqueAndUsersMustExist) {
    storage::Connection c(*db_);
    storage::CalendarFeedRepository feeds(c);
    auto a = insert_user(c, "a@example.jp", "甲", core::Role::expert, now_);
    auto b = insert_user(c, "b@example.jp", "乙", core::Role::expert, now_);
    feeds.put({a, "same", now_, std::nullopt});
    EXPECT_TRUE(violates_constraint([&] { feeds.put({b, "same", now_, std::nullopt}); }));
}

}  // namespace
}  // namespace shido::testing
