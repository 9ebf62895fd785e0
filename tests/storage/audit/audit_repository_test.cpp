#include "storage/audit/audit_repository.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "support/domain_error.hpp"
#include "support/page_walk.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using AuditRepositoryTest = DatabaseTest;

TEST_F(AuditRepositoryTest, EntriesRoundTrip) {
    storage::Connection c(*db_);
    storage::AuditRepository audit(c);
    storage::AuditEntry a;
    a.at = now_;
    a.actor_id = 3;
    a.actor_name = "テスト";
    a.action = "update";
    a.entity = "engagement";
    a.entity_id = 5;
    a.engagement_id = 5;
    a.before_json = R"({"status":"planned"})";
    a.after_json = R"({"status":"completed"})";
    a.request_id = "req-1";
    audit.append(a);
    storage::AuditEntry system;
    system.at = now_ + 1;
    system.actor_name = "system";
    system.action = "create";
    system.entity = "company";
    audit.append(system);

    auto page = audit.page({});
    ASSERT_EQ(page.items.size(), 2u);
    EXPECT_EQ(page.total, 2);
    EXPECT_FALSE(page.next_after);
    const auto& newest = page.items[0];
    EXPECT_EQ(newest.action, "create");
    EXPECT_FALSE(newest.actor_id);
    EXPECT_FALSE(newest.entity_id);
    EXPECT_FALSE(newest.engagement_id);
    EXPECT_FALSE(newest.before_json);
    EXPECT_FALSE(newest.after_json);
    const auto& older = page.items[1];
    EXPECT_EQ(older.at, now_);
    EXPECT_EQ(older.actor_id, 3);
    EXPECT_EQ(older.actor_name, "テスト");
    EXPECT_EQ(older.entity, "engagement");
    EXPECT_EQ(older.entity_id, 5);
    EXPECT_EQ(older.engagement_id, 5);
    EXPECT_EQ(older.before_json, R"({"status":"planned"})");
    EXPECT_EQ(older.after_json, R"({"status":"completed"})");
    EXPECT_EQ(older.request_id, "req-1");
}

// Seventeen entries of three entities and four actions, some without an engagement.
class AuditPages : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        storage::Connection c(*db_);
        storage::AuditRepository audit(c);
        const char* entities[] = {"engagement", "company", "respondent"};
        const char* actions[] = {"create", "update", "invite", "submit"};
        for (int i = 0; i < 17; ++i) {
            storage::AuditEntry e;
            e.at = now_ + i;
            e.actor_name = "テスト";
            e.entity = entities[i % 3];
            e.action = actions[i % 4];
            e.entity_id = i % 4 + 1;
            if (i % 3 != 1) e.engagement_id = i % 2 + 1;
            audit.append(e);
        }
        seeded = audit.page(storage::AuditQuery{{}, {}, {}, {}, {std::nullopt, 200}}).items;
    }

    std::vector<long long> expected(const storage::AuditQuery& q) const {
        std::vector<long long> ids;
        for (const auto& e : seeded) {  // already newest first: checked below
            if (q.entity && e.entity != *q.entity) continue;
            if (q.entity_id && e.entity_id != q.entity_id) continue;
            if (q.engagement_id && e.engagement_id != q.engagement_id) continue;
            if (q.action && e.action != *q.action) continue;
            ids.push_back(e.id);
        }
        return ids;
    }

    void expect_walk(storage::AuditQuery q, const std::string& what) {
        storage::Connection c(*db_);
        storage::AuditRepository repo(c);
        expect_pages(
            [&](const core::PageRequest& page) {
                auto paged = q;
                paged.page = page;
                return repo.page(paged);
            },
            expected(q), what);
    }

    std::vector<storage::AuditEntry> seeded;
};

TEST_F(AuditPages, NewestFirst) {
    ASSERT_EQ(seeded.size(), 17u);
    EXPECT_TRUE(std::is_sorted(seeded.begin(), seeded.end(),
                               [](const auto& a, const auto& b) { return a.id > b.id; }));
    EXPECT_EQ(seeded.front().at, now_ + 16);
    expect_walk({}, "everything");
}

TEST_F(AuditPages, ByEntityAndEntityId) {
    for (std::string entity : {"engagement", "company", "respondent", "user"}) {
        storage::AuditQuery q;
        q.entity = entity;
        expect_walk(q, "entity " + entity);
        for (core::Id id : {1, 2, 4}) {
            q.entity_id = id;
            expect_walk(q, "entity " + entity + " #" + std::to_string(id));
        }
    }
}

TEST_F(AuditPages, ByAction) {
    for (std::string action : {"create", "update", "invite", "submit", "revoke"}) {
        storage::AuditQuery q;
        q.action = action;
        expect_walk(q, "action " + action);
    }
}

TEST_F(AuditPages, ByEngagement) {
    for (core::Id engagement : {1, 2, 3}) {
        storage::AuditQuery q;
        q.engagement_id = engagement;
        expect_walk(q, "engagement " + std::to_string(engagement));
        q.action = "update";
        expect_walk(q, "engagement " + std::to_string(engagement) + ", update");
        q.entity = "respondent";
        expect_walk(q, "engagement " + std::to_string(engagement) + ", update, respondent");
    }
}

TEST_F(AuditPages, BadCursorIsAValidationError) {
    storage::Connection c(*db_);
    storage::AuditRepository repo(c);
    for (std::string after : {core::encode_cursor({"x"}), core::encode_cursor({"1", "2"}),
                              core::encode_cursor({"-3"}), std::string("?")}) {
        storage::AuditQuery q;
        q.page.after = after;
        EXPECT_TRUE(fails_on("after", [&] { repo.page(q); })) << after;
    }
}

}  // namespace
}  // namespace shido::testing
