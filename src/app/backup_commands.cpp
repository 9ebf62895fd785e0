#include <iostream>

#include "app/command_options.hpp"
#include "app/commands.hpp"
#include "storage/backup/backup.hpp"

namespace shido::app {

namespace {

void print_report(const char* done, const storage::BackupReport& report) {
    std::cout << done << ": " << report.file.string() << " (" << report.bytes << " bytes)\n";
    for (const auto& [table, rows] : report.tables)
        std::cout << "  " << table << ": " << rows << "\n";
}

}  // namespace

int backup_command(const Args& args) {
    Options o(with(database_options(), {{"out", "", "the backup file to write", false, ""}}), args);
    if (print_help_if_asked(o, "shido backup --out FILE [options]",
                            "Copies the database consistently while servers keep running "
                            "(SQLite: online backup; PostgreSQL: pg_dump custom format)."))
        return 0;
    if (o.get("out").empty()) throw UsageError("--out FILE is required");
    print_report("backup written", storage::back_up(database_url(o), o.get("out")));
    return 0;
}

int restore_command(const Args& args) {
    Options o(with(database_options(), {{"in", "", "the backup file to read", false, ""}}), args);
    if (print_help_if_asked(o, "shido restore --in FILE --db URL",
                            "Puts a backup into a new, empty database."))
        return 0;
    if (o.get("in").empty()) throw UsageError("--in FILE is required");
    print_report("restored", storage::restore(o.get("in"), database_url(o)));
    return 0;
}

}  // namespace shido::app
