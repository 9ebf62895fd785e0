#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <typeindex>
#include <unordered_map>
#include <vector>

#include <soci/soci.h>

namespace shido::storage {

enum class Dialect { sqlite, postgresql };

struct DatabaseConfig {
    // "sqlite:PATH" or a PostgreSQL URL/conninfo ("postgresql://…" or "host=… dbname=…").
    std::string url;
    std::size_t pool_size = 4;
};

// Statements prepared once per pooled connection and executed again with new values: the hot
// read paths (session, user, engagement lookups) skip SQL parsing on every request. A query
// type T holds its bound variables and a soci::statement, and is built from the session.
class PreparedStatements {
  public:
    template <typename T>
    T& get(soci::session& sql) {
        auto& slot = slots_[std::type_index(typeid(T))];
        if (!slot) slot = std::make_shared<T>(sql);
        return *static_cast<T*>(slot.get());
    }

    // The same for statements whose SQL text depends on the filters in use: one T per text,
    // built from `args` the first time that text is run on this connection.
    template <typename T, typename... Args>
    T& get(const std::string& sql_text, soci::session& sql, Args&&... args) {
        auto& slot = by_text_[std::string(typeid(T).name()) + '\n' + sql_text];
        if (!slot) slot = std::make_shared<T>(sql, sql_text, std::forward<Args>(args)...);
        return *static_cast<T*>(slot.get());
    }

  private:
    std::unordered_map<std::type_index, std::shared_ptr<void>> slots_;
    std::unordered_map<std::string, std::shared_ptr<void>> by_text_;
};

// Ends the read of a cached statement. SQLite keeps a statement that has not run to its end
// active, and an active statement pins the connection to an old snapshot: later reads would
// see stale data and a write would fail with "database is locked". Call it after every use.
void finish(soci::statement& statement, Dialect dialect);

// Executes a cached single-row query and finishes it: true when a row was read into its targets.
bool fetch_one(soci::statement& statement, Dialect dialect);

// Prepares a statement whose into/use elements were already exchanged (soci's three steps).
void prepare(soci::statement& statement, const std::string& sql);

// A pool of SOCI sessions to one database. Thread-safe: each caller leases its own session.
class Database {
  public:
    explicit Database(const DatabaseConfig& config);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Dialect dialect() const { return dialect_; }
    soci::connection_pool& pool() { return *pool_; }
    PreparedStatements& prepared(std::size_t position) { return prepared_[position]; }

  private:
    void open_connection(soci::session& session, const std::string& target);

    Dialect dialect_;
    std::unique_ptr<soci::connection_pool> pool_;
    std::vector<PreparedStatements> prepared_;  // one per pooled session, same index
};

// A leased connection; returns to the pool when destroyed.
class Connection {
  public:
    explicit Connection(Database& db)
        : db_(db), position_(db.pool().lease()), dialect_(db.dialect()) {}
    ~Connection() { db_.pool().give_back(position_); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    soci::session& sql() { return db_.pool().at(position_); }
    Dialect dialect() const { return dialect_; }
    // The cached statement of type T on this connection (see PreparedStatements).
    template <typename T>
    T& prepared() {
        return db_.prepared(position_).get<T>(sql());
    }
    template <typename T, typename... Args>
    T& prepared(const std::string& sql_text, Args&&... args) {
        return db_.prepared(position_).get<T>(sql_text, sql(), std::forward<Args>(args)...);
    }

  private:
    Database& db_;
    std::size_t position_;
    Dialect dialect_;
};

Dialect dialect_of(const std::string& url);

}  // namespace shido::storage
