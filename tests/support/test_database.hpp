#pragma once
#include <cstdlib>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "content/library.hpp"
#include "services/services.hpp"
#include "storage/database.hpp"

namespace shido::testing {

// A fresh, migrated database per test: a temp SQLite file, or — when SHIDO_TEST_DB_URL names
// a PostgreSQL database — that database with its schema dropped and recreated. The clock is
// the test's `now`, so expiry rules can be exercised without waiting.
class DatabaseTest : public ::testing::Test {
  protected:
    void SetUp() override;
    void TearDown() override;

    services::ServiceEnv env();
    services::RequestContext as(const core::User& user) const;
    services::RequestContext as_system() const;
    // Loads the demo and returns its users by e-mail local part (jimu, expert1, owner1, ...).
    core::User demo_user(const std::string& local_part);
    // A user made through the use case (password hashed, audited), as the system.
    core::User add_user(const std::string& email, const std::string& name, core::Role role,
                        std::optional<core::Id> company_id = {},
                        std::optional<std::string> company_role = {});
    // What the HTTP dispatcher asks before an engagement route's handler runs.
    services::EngagementGrant grant(const services::RequestContext& ctx, core::Anchor anchor,
                                    core::Id id, core::EngagementAction action);

    std::string url_;
    std::string sqlite_file_;
    content::Library library_;
    std::unique_ptr<storage::Database> db_;
    std::unique_ptr<services::Services> services_;
    core::Timestamp now_ = 1'800'000'000;
};

bool running_on_postgresql();

// True when `action` fails on a constraint of the schema (UNIQUE, CHECK, NOT NULL, foreign
// key): SQLite's SQLITE_CONSTRAINT or a PostgreSQL SQLSTATE of class 23.
bool violates_constraint(const std::function<void()>& action);

}  // namespace shido::testing
