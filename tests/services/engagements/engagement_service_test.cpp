#include "services/engagements/engagement_service.hpp"

#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/domain_error.hpp"
#include "support/grant_checks.hpp"
#include "support/page_walk.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using core::Anchor;
using core::EngagementAction;

// The demo: 株式会社サンプル製作所 (expert1, owner1) and サンプル運輸株式会社 (expert2, owner2).
class EngagementServiceTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        jimu = demo_user("jimu");
        expert1 = demo_user("expert1");
        maker = services_->engagements.list(as(expert1), {}).items.at(0);
        carrier = services_->engagements.list(as(demo_user("owner2")), {}).items.at(0);
    }
    services::EngagementGrant grant_for(const core::User& user, core::Id id,
                                        EngagementAction action) {
        return grant(as(user), Anchor::engagement, id, action);
    }
    std::vector<storage::AuditEntry> audit_of(core::Id engagement) {
        services::AuditFilter filter;
        filter.entity = "engagement";
        filter.entity_id = engagement;
        return services_->audit.list(as(jimu), filter).items;
    }
    services::EngagementInput plan(int version, const std::string& status) {
        services::EngagementInput input;
        input.version = version;
        input.status = status;
        return input;
    }
    core::User jimu, expert1;
    core::Engagement maker, carrier;
};

TEST_F(EngagementServiceTest, EachRoleSeesExactlyItsEngagements) {
    auto& engagements = services_->engagements;
    auto all = engagements.list(as(jimu), {});
    EXPECT_EQ(all.total, 2);
    EXPECT_EQ(ids_of(all.items), (std::vector<long long>{carrier.id, maker.id}));  // newest first
    EXPECT_FALSE(all.next_after);
    auto mine = engagements.list(as(expert1), {});
    ASSERT_EQ(mine.items.size(), 1u);
    EXPECT_EQ(mine.total, 1);
    EXPECT_EQ(mine.items[0].company_name, "株式会社サンプル製作所");
    auto own = engagements.list(as(demo_user("owner2")), {});
    ASSERT_EQ(own.items.size(), 1u);
    EXPECT_EQ(own.items[0].company_name, "サンプル運輸株式会社");
    auto manager = add_user("manager1@example.jp", "総務 花子", core::Role::company,
                            maker.company_id, "manager");
    EXPECT_EQ(ids_of(engagements.list(as(manager), {}).items), std::vector<long long>{maker.id});
    // A filter cannot widen the scope.
    services::EngagementFilter other;
    other.expert_id = demo_user("expert2").id;
    auto none = engagements.list(as(expert1), other);
    EXPECT_TRUE(none.items.empty());
    EXPECT_EQ(none.total, 0);
}

TEST_F(EngagementServiceTest, ListSortsFiltersAndPages) {
    services::EngagementFilter filter;
    filter.sort = "company";  // サンプル運輸… sorts before 株式会社… (code point order)
    EXPECT_EQ(ids_of(services_->engagements.list(as(jimu), filter).items),
              (std::vector<long long>{carrier.id, maker.id}));
    filter.sort = "newest";
    filter.status = "planned";
    EXPECT_EQ(ids_of(services_->engagements.list(as(jimu), filter).items),
              std::vector<long long>{carrier.id});
    filter = {};
    filter.company_name_contains = "製作所";
    EXPECT_EQ(ids_of(services_->engagements.list(as(jimu), filter).items),
              std::vector<long long>{maker.id});
    filter = {};
    filter.page.limit = 1;
    auto first = services_->engagements.list(as(jimu), filter);
    ASSERT_EQ(first.items.size(), 1u);
    EXPECT_EQ(first.total, 2);
    ASSERT_TRUE(first.next_after);
    filter.page.after = first.next_after;
    auto second = services_->engagements.list(as(jimu), filter);
    EXPECT_EQ(ids_of(second.items), std::vector<long long>{maker.id});
    EXPECT_EQ(second.total, 2);
    EXPECT_FALSE(second.next_after);
}

TEST_F(EngagementServiceTest, ListRejectsUnknownFiltersAndCursors) {
    services::EngagementFilter bad_status;
    bad_status.status = "done";
    EXPECT_TRUE(fails_on("status", [&] { services_->engagements.list(as(jimu), bad_status); }));
    services::EngagementFilter bad_sort;
    bad_sort.sort = "oldest";
    EXPECT_TRUE(fails_on("sort", [&] { services_->engagements.list(as(jimu), bad_sort); }));
    services::EngagementFilter bad_cursor;
    bad_cursor.page.after = "garbage!";
    EXPECT_TRUE(fails_on("after", [&] { services_->engagements.list(as(jimu), bad_cursor); }));
    services::EngagementFilter empty_status;
    empty_status.status = "";  // the form's "any status"
    EXPECT_EQ(services_->engagements.list(as(jimu), empty_status).total, 2);
}

TEST_F(EngagementServiceTest, OthersEngagementIsRefusedAtTheGrant) {
    auto owner1 = demo_user("owner1"), expert2 = demo_user("expert2");
    EXPECT_EQ(code_of([&] { grant_for(expert1, carrier.id, EngagementAction::view); }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { grant_for(owner1, carrier.id, EngagementAction::view); }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { grant_for(expert2, maker.id, EngagementAction::view); }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { grant_for(jimu, 999999, EngagementAction::view); }),
              core::ErrorCode::not_found);
    EXPECT_EQ(code_of([&] { grant_for(expert1, 999999, EngagementAction::view); }),
              core::ErrorCode::not_found);
    auto own = services_->engagements.get(grant_for(owner1, maker.id, EngagementAction::view));
    EXPECT_EQ(own.id, maker.id);
    EXPECT_EQ(own.expert_name, "専門家 一郎");
}

TEST_F(EngagementServiceTest, UpdateIsAuditedWithTheStoredFieldsOnly) {
    auto change = plan(maker.version, "completed");
    change.sessions = {{2, std::string("2026-12-18")}};
    now_ += 60;
    auto updated = services_->engagements.update(
        as(expert1), grant_for(expert1, maker.id, EngagementAction::edit_plan), change);
    EXPECT_EQ(updated.status, core::EngagementStatus::completed);
    EXPECT_EQ(updated.version, maker.version + 1);
    EXPECT_EQ(updated.sessions[1].planned_date, "2026-12-18");
    EXPECT_EQ(updated.updated_at, now_);

    auto entries = audit_of(maker.id);
    ASSERT_EQ(entries.size(), 2u);  // create (demo) + update
    EXPECT_EQ(entries[0].action, "update");
    EXPECT_EQ(entries[0].actor_name, "専門家 一郎");
    EXPECT_EQ(entries[0].actor_id, expert1.id);
    EXPECT_EQ(entries[0].engagement_id, maker.id);
    EXPECT_EQ(entries[1].action, "create");
    auto before = nlohmann::json::parse(*entries[0].before_json);
    auto after = nlohmann::json::parse(*entries[0].after_json);
    for (const auto* snapshot : {&before, &after}) {
        std::set<std::string> keys;
        for (const auto& [key, value] : snapshot->items()) keys.insert(key);
        EXPECT_EQ(keys, (std::set<std::string>{"id", "company_id", "expert_id", "status", "version",
                                               "course_id", "course_version", "sessions",
                                               "created_at", "updated_at"}));
    }
    EXPECT_EQ(before["status"], "in_progress");
    EXPECT_EQ(before["version"], maker.version);
    EXPECT_EQ(before["sessions"][1]["planned_date"], "2026-12-17");
    EXPECT_EQ(before["course_id"], maker.course_id);
    EXPECT_EQ(after["status"], "completed");
    EXPECT_EQ(after["version"], maker.version + 1);
    EXPECT_EQ(after["expert_id"], expert1.id);
    EXPECT_EQ(after["company_id"], maker.company_id);
    EXPECT_EQ(after["sessions"][1], (nlohmann::json{{"no", 2},
                                                    {"planned_date", "2026-12-18"},
                                                    {"start_time", nullptr},
                                                    {"end_time", nullptr},
                                                    {"mode", nullptr},
                                                    {"meeting_tool", nullptr},
                                                    {"meeting_url", nullptr},
                                                    {"place", nullptr},
                                                    {"held_on", nullptr}}));
    EXPECT_EQ(after["updated_at"], now_);
    EXPECT_EQ(after["created_at"], maker.created_at);
}

TEST_F(EngagementServiceTest, UnchangedUpdateRecordsNothing) {
    auto grant = grant_for(jimu, maker.id, EngagementAction::edit_plan);
    auto same = services_->engagements.update(as(jimu), grant, plan(maker.version, "in_progress"));
    EXPECT_EQ(same.version, maker.version);
    EXPECT_EQ(audit_of(maker.id).size(), 1u);
}

TEST_F(EngagementServiceTest, StaleVersionIsAConflictAndChangesNothing) {
    auto grant = grant_for(jimu, maker.id, EngagementAction::edit_plan);
    EXPECT_EQ(code_of([&] {
                  services_->engagements.update(as(jimu), grant,
                                                plan(maker.version + 5, "cancelled"));
              }),
              core::ErrorCode::conflict);
    auto view = grant_for(jimu, maker.id, EngagementAction::view);
    EXPECT_EQ(services_->engagements.get(view).status, maker.status);
    EXPECT_EQ(audit_of(maker.id).size(), 1u);
}

TEST_F(EngagementServiceTest, UpdateNeedsAVersionAndKeepsTheCompany) {
    auto grant = grant_for(jimu, maker.id, EngagementAction::edit_plan);
    services::EngagementInput no_version;
    no_version.status = "completed";
    EXPECT_TRUE(
        fails_on("version", [&] { services_->engagements.update(as(jimu), grant, no_version); }));
    auto move = plan(maker.version, "completed");
    move.company_id = carrier.company_id;
    EXPECT_TRUE(
        fails_on("company_id", [&] { services_->engagements.update(as(jimu), grant, move); }));
}

TEST_F(EngagementServiceTest, OnlyTheSecretariatAssignsAndCreates) {
    auto owner1 = demo_user("owner1"), expert2 = demo_user("expert2");
    auto reassign = plan(maker.version, "in_progress");
    reassign.expert_id = std::optional<core::Id>(expert2.id);
    auto expert_grant = grant_for(expert1, maker.id, EngagementAction::edit_plan);
    EXPECT_EQ(code_of([&] { services_->engagements.update(as(expert1), expert_grant, reassign); }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { grant_for(owner1, maker.id, EngagementAction::edit_plan); }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { services_->engagements.create(as(expert1), {}); }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { services_->engagements.create(as(owner1), {}); }),
              core::ErrorCode::forbidden);
    auto reassigned = services_->engagements.update(
        as(jimu), grant_for(jimu, maker.id, EngagementAction::edit_plan), reassign);
    EXPECT_EQ(reassigned.expert_id, expert2.id);
    EXPECT_EQ(reassigned.expert_name, "専門家 二郎");
    // The expert who lost the engagement loses its grant with it.
    EXPECT_EQ(code_of([&] { grant_for(expert1, maker.id, EngagementAction::view); }),
              core::ErrorCode::forbidden);
}

TEST_F(EngagementServiceTest, InvalidInputReportsEveryFieldAndStoresNothing) {
    services::EngagementInput input;
    input.company_id = 999999;
    input.status = "done";
    input.expert_id = std::optional<core::Id>(jimu.id);  // not an expert
    input.sessions = {{5, std::string("2027-01-01")}, {1, std::string("2027-02-30")}};
    auto error = error_of([&] { services_->engagements.create(as(jimu), input); });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code(), core::ErrorCode::validation);
    for (const char* field : {"company_id", "status", "expert_id", "sessions.5", "sessions.1"})
        EXPECT_TRUE(error->fields().count(field)) << field;
    EXPECT_EQ(services_->engagements.list(as(jimu), {}).total, 2);
}

TEST_F(EngagementServiceTest, SecretariatCreatesAndAssigns) {
    auto expert2 = demo_user("expert2");
    services::CompanyInput company;
    company.name = "新規登録株式会社";
    auto created_company = services_->companies.create(as(jimu), company);
    services::EngagementInput input;
    input.company_id = created_company.id;
    input.expert_id = std::optional<core::Id>(expert2.id);
    input.sessions = {{1, std::string("2027-03-01")}};
    auto e = services_->engagements.create(as(jimu), input);
    EXPECT_EQ(e.company_name, "新規登録株式会社");
    EXPECT_EQ(e.expert_name, "専門家 二郎");
    EXPECT_EQ(e.status, core::EngagementStatus::planned);
    EXPECT_EQ(e.sessions[0].planned_date, "2027-03-01");
    EXPECT_EQ(services_->engagements.list(as(expert2), {}).total, 2);
    EXPECT_EQ(services_->companies.list(as(expert2), "", {}).total, 2);
    auto entries = audit_of(e.id);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].action, "create");
    EXPECT_FALSE(entries[0].before_json);
    auto after = nlohmann::json::parse(*entries[0].after_json);
    EXPECT_EQ(after["company_id"], created_company.id);
    EXPECT_EQ(after["expert_id"], expert2.id);
    EXPECT_FALSE(after.contains("company_name"));
    EXPECT_FALSE(after.contains("expert_name"));
}

TEST_F(EngagementServiceTest, UseCasesRefuseGrantsForAnotherAction) {
    auto& engagements = services_->engagements;
    expect_requires_action(services_->access, Anchor::engagement, maker.id, EngagementAction::view,
                           [&](const auto& grant) { engagements.get(grant); });
    expect_requires_action(services_->access, Anchor::engagement, maker.id,
                           EngagementAction::edit_plan, [&](const auto& grant) {
                               engagements.update(as(jimu), grant,
                                                  plan(maker.version, "completed"));
                           });
    EXPECT_EQ(audit_of(maker.id).size(), 1u);  // nothing ran
}

}  // namespace
}  // namespace shido::testing
