#include "storage/backup/backup.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "services/companies/company_service.hpp"
#include "storage/migrations.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

namespace fs = std::filesystem;

// Every row of every table as text, so two databases of one engine compare table by table.
using TableContents = std::map<std::string, std::multiset<std::string>>;

std::string cell_text(const soci::row& row, std::size_t i) {
    if (row.get_indicator(i) == soci::i_null) return "NULL";
    switch (row.get_properties(i).get_data_type()) {
        case soci::dt_string:
        case soci::dt_xml:
        case soci::dt_blob:
            return row.get<std::string>(i);
        case soci::dt_double:
            return std::to_string(row.get<double>(i));
        case soci::dt_integer:
            return std::to_string(row.get<int>(i));
        case soci::dt_long_long:
            return std::to_string(row.get<long long>(i));
        case soci::dt_unsigned_long_long:
            return std::to_string(row.get<unsigned long long>(i));
        case soci::dt_date: {
            auto tm = row.get<std::tm>(i);
            return std::to_string(std::mktime(&tm));
        }
    }
    return "?";
}

TableContents contents_of(const std::string& url) {
    TableContents out;
    storage::Database db(storage::DatabaseConfig{url, 1});
    storage::Connection c(db);
    for (const auto& [table, rows] : storage::count_rows_of_tables(url)) {
        auto& lines = out[table];
        soci::rowset<soci::row> all = c.sql().prepare << "SELECT * FROM \"" + table + "\"";
        for (const auto& row : all) {
            std::string line;
            for (std::size_t i = 0; i < row.size(); ++i) line += cell_text(row, i) + "\x1f";
            lines.insert(line);
        }
        EXPECT_EQ(static_cast<long long>(lines.size()), rows) << table;
    }
    return out;
}

bool is_part_of(const std::multiset<std::string>& part, const std::multiset<std::string>& whole) {
    return std::includes(whole.begin(), whole.end(), part.begin(), part.end());
}

class BackupTest : public DatabaseTest {
  protected:
    void TearDown() override {
        for (const auto& file : files_)
            for (const char* suffix : {"", "-wal", "-shm", ".part"}) fs::remove(file + suffix);
        if (running_on_postgresql()) {
            storage::Database admin(storage::DatabaseConfig{url_, 1});
            storage::Connection c(admin);
            for (const auto& name : databases_) c.sql() << "DROP DATABASE IF EXISTS " + name;
        }
        DatabaseTest::TearDown();
    }

    std::string temp_file(const std::string& stem) {
        std::random_device rd;
        auto file = (fs::temp_directory_path() / (stem + std::to_string(rd()) + ".db")).string();
        files_.push_back(file);
        return file;
    }

    // A database nobody has used: a new SQLite file, or a new PostgreSQL database on the same
    // server as the test's one.
    std::string new_database_url() {
        if (!running_on_postgresql()) return "sqlite:" + temp_file("shido-restored-");
        auto name = "shido_restored_" + std::to_string(databases_.size());
        databases_.push_back(name);
        storage::Connection c(*db_);
        c.sql() << "DROP DATABASE IF EXISTS " + name;
        c.sql() << "CREATE DATABASE " + name;
        auto slash = url_.rfind('/');
        return url_.substr(0, slash + 1) + name;
    }

    std::vector<std::string> files_;
    std::vector<std::string> databases_;
};

// Companies created one after another by another thread, as a server would while the
// backup runs; `acknowledged` holds the names whose create returned.
struct Writer {
    Writer(services::CompanyService& service, services::RequestContext context)
        : companies(service), ctx(std::move(context)) {}

    services::CompanyService& companies;
    services::RequestContext ctx;
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::vector<std::string> acknowledged;

    void run() {
        for (int i = 0; !stop; ++i) {
            services::CompanyInput input;
            input.name = "負荷試験株式会社" + std::to_string(i);
            companies.create(ctx, input);
            std::lock_guard lock(mutex);
            acknowledged.push_back(*input.name);
        }
    }
    std::vector<std::string> so_far() {
        std::lock_guard lock(mutex);
        return acknowledged;
    }
};

std::set<std::string> company_names(const std::string& url) {
    storage::Database db(storage::DatabaseConfig{url, 1});
    storage::Connection c(db);
    std::set<std::string> names;
    soci::rowset<std::string> rows = c.sql().prepare << "SELECT name FROM companies";
    for (const auto& name : rows) names.insert(name);
    return names;
}

TEST_F(BackupTest, ACopyTakenUnderLoadIsOneMomentOfTheDatabaseAndRestoresWhole) {
    auto jimu = demo_user("jimu");
    Writer writer{services_->companies, as(jimu)};
    std::thread load([&] { writer.run(); });
    while (writer.so_far().size() < 20) std::this_thread::yield();

    auto before_backup = writer.so_far();
    auto file = temp_file("shido-backup-");
    auto report = storage::back_up(url_, file);
    while (writer.so_far().size() < before_backup.size() + 20) std::this_thread::yield();
    writer.stop = true;
    load.join();

    EXPECT_GT(report.bytes, 0u);
    EXPECT_FALSE(fs::exists(file + ".part"));
    auto restored_url = new_database_url();
    auto restored = storage::restore(file, restored_url);

    // Every write acknowledged before the backup began is in the copy, and everything in the
    // copy is exactly as it was in the source (the load only adds rows).
    auto names = company_names(restored_url);
    for (const auto& name : before_backup) EXPECT_TRUE(names.count(name)) << name;
    auto source = contents_of(url_), copy = contents_of(restored_url);
    ASSERT_EQ(copy.size(), source.size());
    for (const auto& [table, rows] : copy) EXPECT_TRUE(is_part_of(rows, source.at(table))) << table;
    EXPECT_LT(names.size(), company_names(url_).size())
        << "the writes after the backup are not in it";
    EXPECT_EQ(restored.tables.size(), source.size());
}

TEST_F(BackupTest, ACopyOfAQuietDatabaseEqualsItTableByTable) {
    demo_user("jimu");
    auto file = temp_file("shido-backup-");
    storage::back_up(url_, file);
    auto restored_url = new_database_url();
    storage::restore(file, restored_url);
    auto source = contents_of(url_), copy = contents_of(restored_url);
    EXPECT_EQ(copy, source);
    EXPECT_GT(source.at("users").size(), 3u);

    // The restored database is a working one: migrations find nothing left to apply.
    storage::Database restored(storage::DatabaseConfig{restored_url, 1});
    EXPECT_EQ(storage::migrate(restored), 0);
}

TEST_F(BackupTest, ANewBackupReplacesTheOldFileOnlyWhenComplete) {
    demo_user("jimu");
    auto file = temp_file("shido-backup-");
    std::ofstream(file) << "the previous backup";
    storage::back_up(url_, file);
    EXPECT_NE(fs::file_size(file), std::string("the previous backup").size());
    EXPECT_FALSE(fs::exists(file + ".part"));
}

TEST_F(BackupTest, RestoreRefusesADatabaseThatHasTablesAndFilesThatAreNoBackup) {
    demo_user("jimu");
    auto file = temp_file("shido-backup-");
    storage::back_up(url_, file);
    auto message_of = [](const std::function<void()>& action) {
        try {
            action();
        } catch (const std::runtime_error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    EXPECT_NE(message_of([&] { storage::restore(file, url_); }).find("already has tables"),
              std::string::npos);
    auto junk = temp_file("shido-junk-");
    std::ofstream(junk) << "id,name\n1,x\n";
    EXPECT_NE(
        message_of([&] { storage::restore(junk, new_database_url()); }).find("is not a backup"),
        std::string::npos);
    // The refused restore left the source as it was.
    EXPECT_GT(company_names(url_).size(), 0u);
}

}  // namespace
}  // namespace shido::testing
