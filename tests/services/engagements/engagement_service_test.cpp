#include <gtest/gtest.h>

#include "core/error.hpp"
#include "storage/audit/audit_repository.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using EngagementServiceTest = DatabaseTest;

core::ErrorCode code_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const core::DomainError& e) {
        return e.code();
    }
    return core::ErrorCode::internal;  // "no error" is never what these tests expect
}

TEST_F(EngagementServiceTest, EachRoleSeesExactlyItsEngagements) {
    auto jimu = demo_user("jimu"), expert1 = demo_user("expert1"), owner2 = demo_user("owner2");
    auto& engagements = services_->engagements;
    EXPECT_EQ(engagements.list(as(jimu), {}).size(), 2u);
    auto mine = engagements.list(as(expert1), {});
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_EQ(mine[0].company_name, "株式会社サンプル製作所");
    auto own = engagements.list(as(owner2), {});
    ASSERT_EQ(own.size(), 1u);
    EXPECT_EQ(own[0].company_name, "サンプル運輸株式会社");
    // A filter cannot widen the scope.
    services::EngagementFilter other;
    other.expert_id = demo_user("expert2").id;
    EXPECT_TRUE(engagements.list(as(expert1), other).empty());
}

TEST_F(EngagementServiceTest, OthersEngagementIsForbidden) {
    auto expert1 = demo_user("expert1"), owner1 = demo_user("owner1"), jimu = demo_user("jimu");
    auto theirs = services_->engagements.list(as(demo_user("owner2")), {}).at(0).id;
    EXPECT_EQ(code_of([&] { services_->engagements.get(as(expert1), theirs); }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { services_->engagements.get(as(owner1), theirs); }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { services_->engagements.get(as(jimu), 999999); }),
              core::ErrorCode::not_found);
}

TEST_F(EngagementServiceTest, UpdateIsAuditedWithBeforeAndAfter) {
    auto expert1 = demo_user("expert1");
    auto e = services_->engagements.list(as(expert1), {}).at(0);
    services::EngagementInput change;
    change.version = e.version;
    change.status = "completed";
    change.sessions = {{2, std::string("2027-02-01")}};
    auto updated = services_->engagements.update(as(expert1), e.id, change);
    EXPECT_EQ(updated.status, core::EngagementStatus::completed);
    EXPECT_EQ(updated.version, e.version + 1);
    EXPECT_EQ(updated.sessions[1].planned_date, "2027-02-01");

    storage::AuditQuery q;
    q.entity = "engagement";
    q.entity_id = e.id;
    auto entries = services_->audit.list(as(demo_user("jimu")), q);
    ASSERT_GE(entries.size(), 2u);  // create (demo) + update
    EXPECT_EQ(entries[0].action, "update");
    EXPECT_EQ(entries[0].actor_name, "専門家 一郎");
    EXPECT_NE(entries[0].before_json->find("in_progress"), std::string::npos);
    EXPECT_NE(entries[0].after_json->find("completed"), std::string::npos);
}

TEST_F(EngagementServiceTest, StaleVersionIsAConflictAndChangesNothing) {
    auto jimu = demo_user("jimu");
    auto e = services_->engagements.list(as(jimu), {}).at(0);
    services::EngagementInput change;
    change.version = e.version + 5;
    change.status = "cancelled";
    EXPECT_EQ(code_of([&] { services_->engagements.update(as(jimu), e.id, change); }),
              core::ErrorCode::conflict);
    EXPECT_EQ(services_->engagements.get(as(jimu), e.id).status, e.status);
}

TEST_F(EngagementServiceTest, ExpertCannotReassignAndCompanyCannotEdit) {
    auto expert1 = demo_user("expert1"), owner1 = demo_user("owner1");
    auto e = services_->engagements.list(as(expert1), {}).at(0);
    services::EngagementInput reassign;
    reassign.version = e.version;
    reassign.expert_id = std::optional<core::Id>(demo_user("expert2").id);
    EXPECT_EQ(code_of([&] { services_->engagements.update(as(expert1), e.id, reassign); }),
              core::ErrorCode::forbidden);
    services::EngagementInput edit;
    edit.version = e.version;
    edit.status = "completed";
    EXPECT_EQ(code_of([&] { services_->engagements.update(as(owner1), e.id, edit); }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { services_->engagements.create(as(expert1), {}); }),
              core::ErrorCode::forbidden);
}

TEST_F(EngagementServiceTest, InvalidInputReportsEveryFieldAndStoresNothing) {
    auto jimu = demo_user("jimu");
    auto before = services_->engagements.list(as(jimu), {}).size();
    services::EngagementInput input;
    input.company_id = 999999;
    input.status = "done";
    input.expert_id = std::optional<core::Id>(jimu.id);  // not an expert
    input.sessions = {{5, std::string("2027-01-01")}, {1, std::string("2027-02-30")}};
    try {
        services_->engagements.create(as(jimu), input);
        FAIL() << "expected validation error";
    } catch (const core::DomainError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::validation);
        for (const char* field : {"company_id", "status", "expert_id", "sessions.5", "sessions.1"})
            EXPECT_TRUE(e.fields().count(field)) << field;
    }
    EXPECT_EQ(services_->engagements.list(as(jimu), {}).size(), before);
}

TEST_F(EngagementServiceTest, SecretariatCreatesAndAssigns) {
    auto jimu = demo_user("jimu"), expert2 = demo_user("expert2");
    services::CompanyInput company;
    company.name = "新規登録株式会社";
    auto created_company = services_->companies.create(as(jimu), company);
    services::EngagementInput input;
    input.company_id = created_company.id;
    input.expert_id = std::optional<core::Id>(expert2.id);
    input.sessions = {{1, std::string("2027-03-01")}};
    auto e = services_->engagements.create(as(jimu), input);
    EXPECT_EQ(e.expert_name, "専門家 二郎");
    EXPECT_EQ(e.status, core::EngagementStatus::planned);
    EXPECT_EQ(services_->engagements.list(as(expert2), {}).size(), 2u);
    EXPECT_EQ(services_->companies.list(as(expert2)).size(), 2u);
}

}  // namespace
}  // namespace shido::testing
