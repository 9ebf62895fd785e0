#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace shido::storage {

struct TableRows {
    std::string table;
    long long rows = 0;
};

struct BackupReport {
    std::filesystem::path file;
    std::uintmax_t bytes = 0;
    std::vector<TableRows> tables;  // of the copy: what a restore would bring back
};

// A consistent copy of the database at `url` while servers keep reading and writing: SQLite's
// online backup API (one read transaction, so one moment of the database), or pg_dump's custom
// format (one snapshot). The copy is written beside `out`, checked, and only then renamed over
// it: an interrupted backup never replaces the last good one.
BackupReport back_up(const std::string& url, const std::filesystem::path& out);

// Puts a copy made by back_up into the database at `url`, which must be new (no tables): a
// restore never mixes two databases. SQLite copies go to SQLite, PostgreSQL dumps to
// PostgreSQL; `shido serve` applies newer migrations to the restored schema as usual.
BackupReport restore(const std::filesystem::path& in, const std::string& url);

// Every table of the schema with its row count, ordered by name.
std::vector<TableRows> count_rows_of_tables(const std::string& url);

}  // namespace shido::storage
