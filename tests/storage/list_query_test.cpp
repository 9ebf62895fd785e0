#include "storage/list_query.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

#include "support/seed.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using ListQueryTest = DatabaseTest;

TEST(Conditions, WhereJoinsConditionsWithAnd) {
    storage::Conditions none;
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(none.where(), "");

    storage::Conditions one;
    one.add("1 = 0", {});
    EXPECT_FALSE(one.empty());
    EXPECT_EQ(one.where(), " WHERE 1 = 0");

    storage::Conditions several;
    several.add("e.expert_id = ?", {7LL})
        .add("(c.name > ? OR (c.name = ? AND e.id > ?))", {std::string("a"), std::string("a"), 3LL})
        .add("e.status = ?", {std::string("planned")});
    // Placeholders are numbered across conditions, in the order their values were added.
    EXPECT_EQ(several.where(),
              " WHERE e.expert_id = :p0 AND (c.name > :p1 OR (c.name = :p2 AND e.id > :p3)) AND "
              "e.status = :p4");
}

TEST(Conditions, PlaceholdersAndValuesMustMatch) {
    storage::Conditions where;
    EXPECT_THROW(where.add("a = ? AND b = ?", {1LL}), std::logic_error);
    EXPECT_THROW(where.add("a = ?", {1LL, 2LL}), std::logic_error);
    EXPECT_THROW(where.add("a = 1", {std::string("x")}), std::logic_error);
}

TEST(ContainsPattern, EscapesLikeMetacharacters) {
    EXPECT_EQ(storage::contains_pattern(""), "%%");
    EXPECT_EQ(storage::contains_pattern("サンプル"), "%サンプル%");
    EXPECT_EQ(storage::contains_pattern("100%"), "%100\\%%");
    EXPECT_EQ(storage::contains_pattern("a_b"), "%a\\_b%");
    EXPECT_EQ(storage::contains_pattern("C:\\dir"), "%C:\\\\dir%");
    EXPECT_EQ(storage::contains_pattern("%_\\"), "%\\%\\_\\\\%");
}

long long count_named(storage::Connection& c, const std::string& text) {
    storage::Conditions where;
    where.add("c.name LIKE ? ESCAPE '\\'", {storage::contains_pattern(text)});
    return storage::count_rows(c, "companies c", where);
}

// On the real engines: the escaped pattern matches the text literally, nothing more.
TEST_F(ListQueryTest, EscapedPatternsMatchLiterallyOnTheEngine) {
    storage::Connection c(*db_);
    for (const char* name : {"100%商事", "100_商事", "100\\商事", "100円商事", "1000商事",
                             "株式会社サンプル", "サンプル運輸"})
        insert_company(c, name, now_);
    EXPECT_EQ(count_named(c, ""), 7);
    EXPECT_EQ(count_named(c, "%"), 1);
    EXPECT_EQ(count_named(c, "_"), 1);
    EXPECT_EQ(count_named(c, "\\"), 1);
    EXPECT_EQ(count_named(c, "0%"), 1);
    EXPECT_EQ(count_named(c, "0_商"), 1);
    EXPECT_EQ(count_named(c, "100"), 5);
    EXPECT_EQ(count_named(c, "サンプル"), 2);
    EXPECT_EQ(count_named(c, "存在しない"), 0);
}

TEST_F(ListQueryTest, CountRowsBindsNumbersAndTextInOrder) {
    storage::Connection c(*db_);
    auto a = insert_company(c, "甲", now_);
    auto b = insert_company(c, "乙", now_);
    insert_company(c, "丙", now_);
    storage::Conditions where;
    EXPECT_EQ(storage::count_rows(c, "companies c", where), 3);
    where.add("c.id >= ?", {a}).add("c.name <> ?", {std::string("丙")});
    EXPECT_EQ(storage::count_rows(c, "companies c", where), 2);
    where.add("c.id = ?", {b});
    EXPECT_EQ(storage::count_rows(c, "companies c", where), 1);
    where.add("1 = 0", {});
    EXPECT_EQ(storage::count_rows(c, "companies c", where), 0);
}

}  // namespace
}  // namespace shido::testing

namespace shido::testing {
namespace {

// ADR 0001: both engines behave the same. PostgreSQL's LIKE is case-sensitive, and SQLite's is
// made so by the connection's PRAGMA case_sensitive_like.
TEST_F(ListQueryTest, LikeTreatsAsciiCaseTheSameOnBothEngines) {
    storage::Connection c(*db_);
    insert_company(c, "Alpha", now_);
    insert_company(c, "alpha", now_);
    EXPECT_EQ(count_named(c, "alpha"), 1);
    EXPECT_EQ(count_named(c, "ALPHA"), 0);
}

}  // namespace
}  // namespace shido::testing
