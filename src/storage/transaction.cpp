#include "storage/transaction.hpp"

namespace shido::storage {

Transaction::Transaction(Connection& connection) : connection_(connection) {
    connection_.sql() << (connection_.dialect() == Dialect::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
    if (!open_) return;
    try {
        connection_.sql() << "ROLLBACK";
    } catch (...) {
        // The connection is broken; the database has already discarded the transaction.
    }
}

void Transaction::commit() {
    connection_.sql() << "COMMIT";
    open_ = false;
}

}  // namespace shido::storage
