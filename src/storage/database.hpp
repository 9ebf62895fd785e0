#pragma once
#include <cstddef>
#include <memory>
#include <string>

#include <soci/soci.h>

namespace shido::storage {

enum class Dialect { sqlite, postgresql };

struct DatabaseConfig {
    // "sqlite:PATH" or a PostgreSQL URL/conninfo ("postgresql://…" or "host=… dbname=…").
    std::string url;
    std::size_t pool_size = 4;
};

// A pool of SOCI sessions to one database. Thread-safe: each caller leases its own session.
class Database {
  public:
    explicit Database(const DatabaseConfig& config);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Dialect dialect() const { return dialect_; }
    soci::connection_pool& pool() { return *pool_; }

  private:
    void open_connection(soci::session& session, const std::string& target);

    Dialect dialect_;
    std::unique_ptr<soci::connection_pool> pool_;
};

// A leased connection; returns to the pool when destroyed.
class Connection {
  public:
    explicit Connection(Database& db) : session_(db.pool()), dialect_(db.dialect()) {}
    soci::session& sql() { return session_; }
    Dialect dialect() const { return dialect_; }

  private:
    soci::session session_;
    Dialect dialect_;
};

Dialect dialect_of(const std::string& url);

}  // namespace shido::storage
