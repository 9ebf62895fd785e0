#include "services/audit/audit_service.hpp"

#include <gtest/gtest.h>

#include "services/audit/audit_views.hpp"
#include "support/domain_error.hpp"
#include "support/page_walk.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

class AuditServiceTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        jimu = demo_user("jimu");
    }
    core::Page<storage::AuditEntry> list(services::AuditFilter filter) {
        return services_->audit.list(as(jimu), filter);
    }
    core::User jimu;
};

// The demo writes 3 users, 2 companies, 2 users, an engagement, its round, an engagement.
TEST_F(AuditServiceTest, TheLogIsReadNewestFirstPageByPage) {
    auto rows = walk_pages(
        [&](const core::PageRequest& page) {
            services::AuditFilter filter;
            filter.page = page;
            return list(filter);
        },
        3, 12, "audit log");
    std::vector<std::string> entities;
    for (const auto& row : rows) entities.push_back(row.entity);
    EXPECT_EQ(entities, (std::vector<std::string>{"policy_version", "engagement", "policy_version",
                                                  "diagnosis_round", "engagement", "user", "user",
                                                  "company", "company", "user", "user", "user"}));
    for (std::size_t i = 1; i < rows.size(); ++i) EXPECT_GT(rows[i - 1].id, rows[i].id);
}

TEST_F(AuditServiceTest, FiltersByEntityActionAndEngagement) {
    services::AuditFilter engagements;
    engagements.entity = "engagement";
    auto page = list(engagements);
    EXPECT_EQ(page.total, 2);
    for (const auto& e : page.items) EXPECT_EQ(e.entity, "engagement");

    auto maker = services_->engagements.list(as(jimu), {}).items.back().id;  // the older one
    services::AuditFilter of_maker;
    of_maker.engagement_id = maker;
    auto entries = list(of_maker).items;
    ASSERT_EQ(entries.size(), 3u);  // the engagement, its demo round and policy draft
    EXPECT_EQ(entries[0].entity, "policy_version");
    EXPECT_EQ(entries[1].entity, "diagnosis_round");
    EXPECT_EQ(entries[2].entity, "engagement");

    services::AuditFilter creates;
    creates.action = "create";
    EXPECT_EQ(list(creates).total, 12);
    creates.action = "update";
    EXPECT_EQ(list(creates).total, 0);
    services::AuditFilter empty_filters;
    empty_filters.entity = "";
    empty_filters.action = "";
    EXPECT_EQ(list(empty_filters).total, 12);  // the form's "any"
}

TEST_F(AuditServiceTest, UnknownKindsAreValidationErrors) {
    services::AuditFilter filter;
    filter.entity = "engagements";
    filter.action = "delete";
    auto error = error_of([&] { list(filter); });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code(), core::ErrorCode::validation);
    EXPECT_TRUE(error->fields().count("entity"));
    EXPECT_TRUE(error->fields().count("action"));
    services::AuditFilter bad_cursor;
    bad_cursor.page.after = core::encode_cursor({"latest"});
    EXPECT_TRUE(fails_on("after", [&] { list(bad_cursor); }));
}

TEST_F(AuditServiceTest, OnlyTheSecretariatReadsTheLog) {
    for (const char* who : {"expert1", "owner1"}) {
        auto user = demo_user(who);
        EXPECT_EQ(code_of([&] { services_->audit.list(as(user), {}); }), core::ErrorCode::forbidden)
            << who;
    }
}

TEST_F(AuditServiceTest, EntriesShowTheirSnapshotsAsJson) {
    services::AuditFilter companies;
    companies.entity = "company";
    auto entry = list(companies).items.at(0);
    auto json = services::to_json(entry);
    EXPECT_EQ(json["action"], "create");
    EXPECT_EQ(json["entity"], "company");
    EXPECT_EQ(json["actor_name"], "demo");
    EXPECT_TRUE(json["actor_id"].is_null());
    EXPECT_TRUE(json["before"].is_null());
    EXPECT_EQ(json["after"]["name"], "サンプル運輸株式会社");
    EXPECT_EQ(json["at"], "2027-01-15T08:00:00Z");
    EXPECT_EQ(json["request_id"], "demo");
}

}  // namespace
}  // namespace shido::testing
