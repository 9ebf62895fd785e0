#include "storage/backup/backup.hpp"

#include <soci/sqlite3/soci-sqlite3.h>

#include <fstream>
#include <memory>
#include <stdexcept>
#include <string_view>

#include "storage/backup/program.hpp"
#include "storage/database.hpp"

namespace shido::storage {

namespace {

namespace fs = std::filesystem;
using namespace sqlite_api;

constexpr std::string_view sqlite_magic{"SQLite format 3\0", 16};
constexpr std::string_view pg_dump_magic = "PGDMP";

enum class CopyFormat { sqlite, pg_dump, unknown };

CopyFormat format_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    std::string head(16, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (head == sqlite_magic) return CopyFormat::sqlite;
    if (head.rfind(pg_dump_magic, 0) == 0) return CopyFormat::pg_dump;
    return CopyFormat::unknown;
}

std::string sqlite_path(const std::string& url) {
    return url.substr(std::string("sqlite:").size());
}

struct SqliteCloser {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using SqliteHandle = std::unique_ptr<sqlite3, SqliteCloser>;

SqliteHandle open_sqlite(const std::string& path, int flags) {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    SqliteHandle db(raw);
    if (rc != SQLITE_OK)
        throw std::runtime_error("cannot open " + path + ": " +
                                 (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
    sqlite3_busy_timeout(raw, 5000);
    return db;
}

void exec(sqlite3* db, const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message ? message : sqlite3_errmsg(db);
        sqlite3_free(message);
        throw std::runtime_error(std::string(sql) + ": " + text);
    }
}

// Copies every page in one step: the source is read in a single read transaction, so the copy
// is one moment of the database; in WAL mode the writers go on meanwhile.
void copy_sqlite(const std::string& from, const std::string& to) {
    auto source = open_sqlite(from, SQLITE_OPEN_READONLY);
    auto target = open_sqlite(to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    sqlite3_backup* backup = sqlite3_backup_init(target.get(), "main", source.get(), "main");
    if (!backup)
        throw std::runtime_error("backup of " + from + ": " + sqlite3_errmsg(target.get()));
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(backup, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        throw std::runtime_error("backup of " + from + ": " + sqlite3_errstr(rc));
    // One self-contained file: no -wal beside it to forget when the copy is moved.
    exec(target.get(), "PRAGMA journal_mode=DELETE");
}

void check_sqlite_integrity(const std::string& path) {
    auto db = open_sqlite(path, SQLITE_OPEN_READONLY);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db.get(), "PRAGMA integrity_check", -1, &statement, nullptr);
    std::string verdict;
    if (statement && sqlite3_step(statement) == SQLITE_ROW)
        verdict = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
    if (verdict != "ok") throw std::runtime_error(path + " failed its integrity check: " + verdict);
}

void run_or_throw(const std::vector<std::string>& argv) {
    if (int status = run_program(argv); status != 0)
        throw std::runtime_error(argv[0] + " failed (exit status " + std::to_string(status) + ")");
}

std::vector<std::string> table_names(soci::session& sql, Dialect dialect) {
    std::vector<std::string> names;
    const std::string query =
        dialect == Dialect::sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
              "ESCAPE '\\' ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = "
              "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name";
    soci::rowset<std::string> rows = sql.prepare << query;
    for (const auto& name : rows) names.push_back(name);
    return names;
}

void require_empty(const std::string& url) {
    if (dialect_of(url) == Dialect::sqlite && !fs::exists(sqlite_path(url))) return;
    if (!count_rows_of_tables(url).empty())
        throw std::runtime_error(
            "the target database already has tables: restore into a new, empty database");
}

BackupReport report_of(const fs::path& file, std::vector<TableRows> tables) {
    return BackupReport{file, fs::file_size(file), std::move(tables)};
}

}  // namespace

std::vector<TableRows> count_rows_of_tables(const std::string& url) {
    Database db(DatabaseConfig{url, 1});
    Connection c(db);
    std::vector<TableRows> out;
    for (const auto& table : table_names(c.sql(), c.dialect())) {
        long long rows = 0;
        // Table names come from the catalogue, not from outside: quoting keeps them whole.
        c.sql() << "SELECT COUNT(*) FROM \"" + table + "\"", soci::into(rows);
        out.push_back({table, rows});
    }
    return out;
}

BackupReport back_up(const std::string& url, const fs::path& out) {
    fs::path part = out;
    part += ".part";
    fs::remove(part);
    if (out.has_parent_path()) fs::create_directories(out.parent_path());
    std::vector<TableRows> tables;
    if (dialect_of(url) == Dialect::sqlite) {
        copy_sqlite(sqlite_path(url), part.string());
        check_sqlite_integrity(part.string());
        tables = count_rows_of_tables("sqlite:" + part.string());
    } else {
        run_or_throw({"pg_dump", "--format=custom", "--no-owner", "--no-privileges",
                      "--file=" + part.string(), "--dbname=" + url});
        run_or_throw({"pg_restore", "--list", "--file=/dev/null", part.string()});
    }
    fs::rename(part, out);
    return report_of(out, std::move(tables));
}

BackupReport restore(const fs::path& in, const std::string& url) {
    auto format = format_of(in);
    auto dialect = dialect_of(url);
    if (format == CopyFormat::unknown)
        throw std::runtime_error(in.string() + " is not a backup made by `shido backup`");
    if ((format == CopyFormat::sqlite) != (dialect == Dialect::sqlite))
        throw std::runtime_error(format == CopyFormat::sqlite
                                     ? "a SQLite backup restores into a sqlite: database"
                                     : "a PostgreSQL backup restores into a PostgreSQL database");
    require_empty(url);
    if (dialect == Dialect::sqlite) {
        check_sqlite_integrity(in.string());
        auto target = fs::path(sqlite_path(url));
        if (target.has_parent_path()) fs::create_directories(target.parent_path());
        copy_sqlite(in.string(), target.string());
    } else {
        run_or_throw({"pg_restore", "--no-owner", "--no-privileges", "--exit-on-error",
                      "--single-transaction", "--dbname=" + url, in.string()});
    }
    return report_of(in, count_rows_of_tables(url));
}

}  // namespace shido::storage
