#include "storage/database.hpp"

#include <filesystem>
#include <stdexcept>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace shido::storage {

namespace {
constexpr std::string_view sqlite_prefix = "sqlite:";

std::string postgres_conninfo(const std::string& url) {
    // libpq accepts both URLs and key=value strings; SOCI passes the text through.
    return url;
}
}  // namespace

Dialect dialect_of(const std::string& url) {
    return url.rfind(sqlite_prefix, 0) == 0 ? Dialect::sqlite : Dialect::postgresql;
}

Database::Database(const DatabaseConfig& config)
    : dialect_(dialect_of(config.url)),
      pool_(std::make_unique<soci::connection_pool>(config.pool_size)) {
    std::string target = config.url;
    if (dialect_ == Dialect::sqlite) {
        std::filesystem::path file = config.url.substr(sqlite_prefix.size());
        if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
        target = file.string();
    }
    for (std::size_t i = 0; i < config.pool_size; ++i) open_connection(pool_->at(i), target);
}

Database::~Database() = default;

void Database::open_connection(soci::session& session, const std::string& target) {
    if (dialect_ == Dialect::postgresql) {
        session.open(soci::postgresql, postgres_conninfo(target));
        return;
    }
    session.open(soci::sqlite3, "db=" + target + " timeout=5");
    // WAL keeps readers and the writer apart; synchronous=NORMAL in WAL mode loses nothing
    // committed when the process is killed (only an OS crash could drop the last commits).
    session << "PRAGMA journal_mode=WAL";
    session << "PRAGMA synchronous=NORMAL";
    session << "PRAGMA foreign_keys=ON";
    session << "PRAGMA busy_timeout=5000";
}

}  // namespace shido::storage
