#include <gtest/gtest.h>

#include "storage/accounts/user_repository.hpp"
#include "storage/audit/audit_repository.hpp"
#include "storage/companies/company_repository.hpp"
#include "storage/engagements/engagement_repository.hpp"
#include "storage/migrations.hpp"
#include "storage/transaction.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using RepositoriesTest = DatabaseTest;

core::Company company_named(const std::string& name) {
    core::Company c;
    c.name = name;
    c.industry = "製造業";
    c.employee_count = 12;
    return c;
}

TEST_F(RepositoriesTest, MigrationsAreAppliedOnce) {
    EXPECT_EQ(storage::migrate(*db_), 0);
    storage::Connection c(*db_);
    int versions = 0;
    c.sql() << "SELECT COUNT(*) FROM schema_migrations", soci::into(versions);
    EXPECT_EQ(static_cast<std::size_t>(versions), storage::migrations_for(db_->dialect()).size());
}

TEST_F(RepositoriesTest, SplitStatementsIgnoresComments) {
    auto statements = storage::split_statements(
        "-- a comment; with a semicolon\nCREATE TABLE a (x INTEGER);\n\nCREATE TABLE b (y "
        "INTEGER);\n");
    ASSERT_EQ(statements.size(), 2u);
    EXPECT_NE(statements[0].find("TABLE a"), std::string::npos);
}

TEST_F(RepositoriesTest, CompanyTextRoundTripsLiterally) {
    storage::Connection c(*db_);
    storage::CompanyRepository repo(c);
    const std::string hostile =
        "Robert'); DROP TABLE companies;-- <script>alert(1)</script> 株式会社";
    auto id = repo.insert(company_named(hostile), now_);
    auto found = repo.find(id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->name, hostile);
    EXPECT_EQ(found->employee_count, 12);
    EXPECT_EQ(repo.list_all().size(), 1u);
}

TEST_F(RepositoriesTest, NullEmployeeCountStaysNull) {
    storage::Connection c(*db_);
    storage::CompanyRepository repo(c);
    auto company = company_named("空欄株式会社");
    company.employee_count.reset();
    auto id = repo.insert(company, now_);
    EXPECT_FALSE(repo.find(id)->employee_count.has_value());
}

TEST_F(RepositoriesTest, EmailIsUnique) {
    storage::Connection c(*db_);
    storage::UserRepository users(c);
    core::User u;
    u.email = "dup@example.jp";
    u.name = "重複";
    u.role = core::Role::expert;
    users.insert(u, "hash", now_);
    EXPECT_TRUE(users.email_taken("dup@example.jp"));
    EXPECT_THROW(users.insert(u, "hash", now_), std::exception);
}

TEST_F(RepositoriesTest, CompanyUserNeedsCompany) {
    storage::Connection c(*db_);
    core::User u;
    u.email = "nocompany@example.jp";
    u.name = "所属なし";
    u.role = core::Role::company;
    EXPECT_THROW(storage::UserRepository(c).insert(u, "hash", now_), std::exception);
}

TEST_F(RepositoriesTest, EngagementListFiltersAndEscapesLikePatterns) {
    storage::Connection c(*db_);
    storage::CompanyRepository companies(c);
    storage::EngagementRepository engagements(c);
    auto percent = companies.insert(company_named("100%商事"), now_);
    auto plain = companies.insert(company_named("100円商事"), now_);
    for (auto company : {percent, plain}) {
        core::Engagement e;
        e.company_id = company;
        e.sessions[1].planned_date = "2027-01-05";
        engagements.insert(e, now_);
    }
    storage::EngagementQuery by_name;
    by_name.company_name_contains = "0%";
    auto found = engagements.list(by_name);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].company_name, "100%商事");
    EXPECT_EQ(found[0].sessions[1].planned_date, "2027-01-05");
    EXPECT_FALSE(found[0].sessions[0].planned_date.has_value());

    storage::EngagementQuery by_company;
    by_company.only_company = plain;
    EXPECT_EQ(engagements.list(by_company).size(), 1u);
    storage::EngagementQuery by_status;
    by_status.status = core::EngagementStatus::completed;
    EXPECT_TRUE(engagements.list(by_status).empty());
    EXPECT_EQ(engagements.list({}).size(), 2u);
}

TEST_F(RepositoriesTest, StaleVersionDoesNotUpdate) {
    storage::Connection c(*db_);
    auto company = storage::CompanyRepository(c).insert(company_named("版管理株式会社"), now_);
    storage::EngagementRepository repo(c);
    core::Engagement e;
    e.company_id = company;
    e.id = repo.insert(e, now_);
    e.status = core::EngagementStatus::in_progress;
    EXPECT_TRUE(repo.update(e, 1, now_));
    EXPECT_FALSE(repo.update(e, 1, now_));
    EXPECT_EQ(repo.find(e.id)->version, 2);
}

TEST_F(RepositoriesTest, RolledBackTransactionLeavesNothing) {
    storage::Connection c(*db_);
    {
        storage::Transaction tx(c);
        storage::CompanyRepository(c).insert(company_named("消える株式会社"), now_);
    }
    EXPECT_TRUE(storage::CompanyRepository(c).list_all().empty());
}

TEST_F(RepositoriesTest, AuditFilters) {
    storage::Connection c(*db_);
    storage::AuditRepository audit(c);
    storage::AuditEntry a;
    a.at = now_;
    a.actor_name = "テスト";
    a.action = "update";
    a.entity = "engagement";
    a.entity_id = 5;
    a.engagement_id = 5;
    a.after_json = R"({"status":"completed"})";
    audit.append(a);
    a.entity = "company";
    a.entity_id = 9;
    a.engagement_id.reset();
    audit.append(a);
    storage::AuditQuery q;
    q.entity = "engagement";
    auto rows = audit.list(q);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].entity_id, 5);
    EXPECT_EQ(rows[0].after_json, R"({"status":"completed"})");
    EXPECT_FALSE(rows[0].before_json.has_value());
    EXPECT_EQ(audit.list({}).size(), 2u);
}

}  // namespace
}  // namespace shido::testing

namespace shido::testing {
namespace {

// A cached statement left active would pin its connection to an old snapshot (SQLite): the
// connection would miss other connections' writes and fail to write itself.
TEST_F(RepositoriesTest, CachedReadsLeaveNoSnapshotBehind) {
    auto jimu = demo_user("jimu");
    storage::Connection a(*db_);
    EXPECT_TRUE(storage::UserRepository(a).find(jimu.id));
    EXPECT_EQ(storage::EngagementRepository(a).list({}).size(), 2u);
    {
        storage::Connection b(*db_);
        storage::Transaction tx(b);
        storage::CompanyRepository(b).insert(company_named("別接続株式会社"), now_);
        tx.commit();
    }
    EXPECT_EQ(storage::CompanyRepository(a).list_all().size(), 3u);
    storage::Transaction tx(a);
    EXPECT_NO_THROW(storage::CompanyRepository(a).insert(company_named("書ける株式会社"), now_));
    tx.commit();
}

}  // namespace
}  // namespace shido::testing
