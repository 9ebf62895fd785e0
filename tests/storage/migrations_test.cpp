#include "storage/migrations.hpp"

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using MigrationsTest = DatabaseTest;

bool index_exists(storage::Connection& c, const std::string& name) {
    int count = 0;
    if (c.dialect() == storage::Dialect::sqlite)
        c.sql() << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = :n",
            soci::use(name), soci::into(count);
    else
        c.sql() << "SELECT COUNT(*) FROM pg_indexes WHERE indexname = :n", soci::use(name),
            soci::into(count);
    return count > 0;
}

TEST_F(MigrationsTest, AreAppliedOnce) {
    EXPECT_EQ(storage::migrate(*db_), 0);
    storage::Connection c(*db_);
    int versions = 0;
    c.sql() << "SELECT COUNT(*) FROM schema_migrations", soci::into(versions);
    EXPECT_EQ(static_cast<std::size_t>(versions), storage::migrations_for(db_->dialect()).size());
}

TEST_F(MigrationsTest, SplitStatementsIgnoresComments) {
    auto statements = storage::split_statements(
        "-- a comment; with a semicolon\nCREATE TABLE a (x INTEGER);\n\nCREATE TABLE b (y "
        "INTEGER);\n");
    ASSERT_EQ(statements.size(), 2u);
    EXPECT_NE(statements[0].find("TABLE a"), std::string::npos);
}

// 003_list_indexes: every list reads in the order of an index led by its filter.
TEST_F(MigrationsTest, ListIndexesReplaceTheSingleColumnOnes) {
    storage::Connection c(*db_);
    for (const char* name :
         {"engagements_by_status", "engagements_by_expert_id", "engagements_by_company_id",
          "companies_by_name", "users_by_role", "users_by_name", "audit_by_action",
          "audit_by_entity_kind", "audit_by_entity_id", "audit_by_engagement_id",
          "respondents_by_round_id"})
        EXPECT_TRUE(index_exists(c, name)) << name;
    for (const char* name : {"engagements_by_expert", "engagements_by_company", "audit_by_entity",
                             "audit_by_engagement", "respondents_by_round"})
        EXPECT_FALSE(index_exists(c, name)) << name;
}

}  // namespace
}  // namespace shido::testing
