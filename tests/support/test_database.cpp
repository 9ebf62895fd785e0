#include "support/test_database.hpp"

#include <filesystem>
#include <random>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "services/accounts/user_service.hpp"
#include "services/crypto.hpp"
#include "services/demo/demo_data.hpp"
#include "storage/accounts/user_repository.hpp"
#include "storage/migrations.hpp"
#include "storage/transaction.hpp"

namespace shido::testing {

namespace {
std::string env_url() {
    const char* url = std::getenv("SHIDO_TEST_DB_URL");
    return url ? url : "";
}
}  // namespace

bool running_on_postgresql() {
    return !env_url().empty() && env_url().rfind("sqlite:", 0) != 0;
}

void DatabaseTest::SetUp() {
    services::init_crypto();
    library_ = content::load_library(SHIDO_CONTENT_DIR);
    if (running_on_postgresql()) {
        url_ = env_url();
        storage::Database reset(storage::DatabaseConfig{url_, 1});
        storage::Connection c(reset);
        c.sql() << "SET client_min_messages TO WARNING";
        c.sql() << "DROP SCHEMA IF EXISTS public CASCADE";
        c.sql() << "CREATE SCHEMA public";
    } else {
        std::random_device rd;
        sqlite_file_ = (std::filesystem::temp_directory_path() /
                        ("shido-test-" + std::to_string(rd()) + std::to_string(rd()) + ".db"))
                           .string();
        url_ = "sqlite:" + sqlite_file_;
    }
    db_ = std::make_unique<storage::Database>(storage::DatabaseConfig{url_, 2});
    storage::migrate(*db_);
    services_ = std::make_unique<services::Services>(env(), services::AuthConfig{});
}

void DatabaseTest::TearDown() {
    services_.reset();
    db_.reset();
    if (!sqlite_file_.empty()) {
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(sqlite_file_ + suffix);
    }
}

services::ServiceEnv DatabaseTest::env() {
    return services::ServiceEnv{*db_, library_, [this] { return now_; }};
}

services::RequestContext DatabaseTest::as(const core::User& user) const {
    return services::RequestContext{
        core::Actor{user.id, user.role, user.company_id, user.name, user.company_role}, "test"};
}

services::RequestContext DatabaseTest::as_system() const {
    return services::RequestContext{core::Actor{0, core::Role::secretariat, {}, "test", {}},
                                    "test"};
}

core::User DatabaseTest::demo_user(const std::string& local_part) {
    services::load_demo(env(), {});
    storage::Connection c(*db_);
    auto found = storage::UserRepository(c).find_by_email(local_part + "@demo.shido.jp");
    if (!found) throw std::runtime_error("no demo user " + local_part);
    return found->user;
}

core::User DatabaseTest::add_user(const std::string& email, const std::string& name,
                                  core::Role role, std::optional<core::Id> company_id,
                                  std::optional<std::string> company_role) {
    storage::Connection c(*db_);
    storage::Transaction tx(c);
    auto user = services::create_user(
        c, as_system(), now_,
        services::NewUser{email, name, std::string(core::to_string(role)), "test-password-123",
                          company_id, std::move(company_role)});
    tx.commit();
    return user;
}

services::EngagementGrant DatabaseTest::grant(const services::RequestContext& ctx,
                                              core::Anchor anchor, core::Id id,
                                              core::EngagementAction action) {
    return services_->access.grant(ctx, anchor, id, action);
}

bool violates_constraint(const std::function<void()>& action) {
    try {
        action();
    } catch (const soci::sqlite3_soci_error& e) {
        return (e.result() & 0xff) == SQLITE_CONSTRAINT;
    } catch (const soci::postgresql_soci_error& e) {
        return e.sqlstate().rfind("23", 0) == 0;
    }
    return false;
}

}  // namespace shido::testing
