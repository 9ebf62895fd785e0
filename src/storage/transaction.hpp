#pragma once
#include "storage/database.hpp"

namespace shido::storage {

// A write transaction. On SQLite it starts with BEGIN IMMEDIATE so that two writers
// queue on the busy timeout instead of failing when a read lock would need upgrading.
class Transaction {
  public:
    explicit Transaction(Connection& connection);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

  private:
    Connection& connection_;
    bool open_ = true;
};

}  // namespace shido::storage
