#include "storage/database.hpp"

#include <filesystem>
#include <mutex>
#include <stdexcept>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace shido::storage {

namespace {
constexpr std::string_view sqlite_prefix = "sqlite:";

// SOCI 4.0 mangles libpq URLs, so postgresql://user:pass@host:port/db?k=v becomes the
// key=value form. Key=value strings pass through unchanged.
std::string postgres_conninfo(const std::string& url) {
    std::string rest;
    for (std::string_view scheme : {"postgresql://", "postgres://"}) {
        if (url.rfind(scheme, 0) == 0) rest = url.substr(scheme.size());
    }
    if (rest.empty()) return url;
    std::string conninfo;
    auto add = [&conninfo](const std::string& key, const std::string& value) {
        if (value.empty()) return;
        std::string quoted;
        for (char ch : value) {
            if (ch == '\\' || ch == '\'') quoted.push_back('\\');
            quoted.push_back(ch);
        }
        conninfo += (conninfo.empty() ? "" : " ") + key + "='" + quoted + "'";
    };
    std::string params;
    if (auto q = rest.find('?'); q != std::string::npos) {
        params = rest.substr(q + 1);
        rest.resize(q);
    }
    std::string dbname;
    if (auto slash = rest.find('/'); slash != std::string::npos) {
        dbname = rest.substr(slash + 1);
        rest.resize(slash);
    }
    if (auto at = rest.rfind('@'); at != std::string::npos) {
        std::string credentials = rest.substr(0, at);
        rest = rest.substr(at + 1);
        auto colon = credentials.find(':');
        add("user", credentials.substr(0, colon));
        if (colon != std::string::npos) add("password", credentials.substr(colon + 1));
    }
    auto colon = rest.rfind(':');
    add("host", rest.substr(0, colon));
    if (colon != std::string::npos) add("port", rest.substr(colon + 1));
    add("dbname", dbname);
    for (std::size_t start = 0; start < params.size();) {
        auto end = params.find('&', start);
        if (end == std::string::npos) end = params.size();
        auto pair = params.substr(start, end - start);
        if (auto eq = pair.find('='); eq != std::string::npos)
            add(pair.substr(0, eq), pair.substr(eq + 1));
        start = end + 1;
    }
    return conninfo;
}
}  // namespace

Dialect dialect_of(const std::string& url) {
    return url.rfind(sqlite_prefix, 0) == 0 ? Dialect::sqlite : Dialect::postgresql;
}

// Process-wide SQLite settings, before any connection opens: each pooled connection is used by
// one thread at a time, so SQLite's own per-call locking and its global allocation statistics
// (a mutex taken on every allocation) only cost contention.
void configure_sqlite_once() {
    static std::once_flag once;
    std::call_once(once, [] {
        sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
        sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    });
}

Database::Database(const DatabaseConfig& config)
    : dialect_(dialect_of(config.url)),
      pool_(std::make_unique<soci::connection_pool>(config.pool_size)),
      prepared_(config.pool_size) {
    std::string target = config.url;
    if (dialect_ == Dialect::sqlite) {
        std::filesystem::path file = config.url.substr(sqlite_prefix.size());
        if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
        target = file.string();
        configure_sqlite_once();
    }
    for (std::size_t i = 0; i < config.pool_size; ++i) open_connection(pool_->at(i), target);
}

Database::~Database() = default;

bool fetch_one(soci::statement& statement, Dialect dialect) {
    bool found = statement.execute(true);
    finish(statement, dialect);
    return found;
}

void prepare(soci::statement& statement, const std::string& sql) {
    statement.alloc();
    statement.prepare(sql);
    statement.define_and_bind();
}

void finish(soci::statement& statement, Dialect dialect) {
    if (dialect != Dialect::sqlite) return;  // libpq reads whole results: nothing stays open
    auto* backend = static_cast<soci::sqlite3_statement_backend*>(statement.get_backend());
    if (backend && backend->stmt_) sqlite_api::sqlite3_reset(backend->stmt_);
}

void Database::open_connection(soci::session& session, const std::string& target) {
    if (dialect_ == Dialect::postgresql) {
        session.open(soci::postgresql, postgres_conninfo(target));
        // Notices ("relation … already exists, skipping") would reach stderr past the logger.
        session << "SET client_min_messages TO WARNING";
        return;
    }
    session.open(soci::sqlite3, "db=" + target + " timeout=5");
    // WAL keeps readers and the writer apart; synchronous=NORMAL in WAL mode loses nothing
    // committed when the process is killed (only an OS crash could drop the last commits).
    session << "PRAGMA journal_mode=WAL";
    session << "PRAGMA synchronous=NORMAL";
    session << "PRAGMA foreign_keys=ON";
    session << "PRAGMA busy_timeout=5000";
    // PostgreSQL's LIKE tells "A" from "a"; SQLite's does not unless told, and both engines
    // must find the same rows (ADR 0001).
    session << "PRAGMA case_sensitive_like=ON";
}

}  // namespace shido::storage
