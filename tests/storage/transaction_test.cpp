#include "storage/transaction.hpp"

#include <gtest/gtest.h>

#include "storage/companies/company_repository.hpp"
#include "support/seed.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using TransactionTest = DatabaseTest;

long long company_count(storage::Connection& c) {
    storage::CompanyQuery everything;
    everything.scope.kind = core::VisibleScope::Kind::everything;
    return storage::CompanyRepository(c).page(everything).total;
}

TEST_F(TransactionTest, RolledBackTransactionLeavesNothing) {
    storage::Connection c(*db_);
    {
        storage::Transaction tx(c);
        insert_company(c, "消える株式会社", now_);
    }
    EXPECT_EQ(company_count(c), 0);
}

TEST_F(TransactionTest, CommittedTransactionIsSeenByOtherConnections) {
    storage::Connection a(*db_);
    {
        storage::Transaction tx(a);
        insert_company(a, "残る株式会社", now_);
        tx.commit();
    }
    storage::Connection b(*db_);
    EXPECT_EQ(company_count(b), 1);
}

}  // namespace
}  // namespace shido::testing
