#pragma once
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace shido::storage {

struct Migration {
    int version = 0;
    std::string name;
    std::string sql;  // already rewritten for the dialect
};

std::vector<Migration> migrations_for(Dialect dialect);

// Applies every migration not yet recorded, each inside its own transaction.
// Returns how many were applied. Safe to run from several processes at once on PostgreSQL.
int migrate(Database& db);

// Splits a script into statements (our migrations hold no semicolons inside literals).
std::vector<std::string> split_statements(const std::string& script);

}  // namespace shido::storage
