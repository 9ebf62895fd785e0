#pragma once
#include <deque>
#include <string>
#include <variant>
#include <vector>

#include "core/paging/page.hpp"
#include "storage/database.hpp"

namespace shido::storage {

// The WHERE clause of a list, built from the filters actually in use: each becomes its own
// condition so it can use its index (an "(:p = '' OR col = :p)" condition scans every row).
// Values are bound by position, in the order the conditions were added.
class Conditions {
  public:
    using Value = std::variant<long long, std::string>;

    // `condition` holds one "?" per value, e.g. "e.expert_id = ?".
    Conditions& add(const std::string& condition, std::vector<Value> values);
    bool empty() const { return conditions_.empty(); }

    std::string where() const;  // " WHERE a AND b", or "" without conditions
    // Exchanges a soci::use() for every value; the values live as long as this object.
    void bind(soci::statement& st) const;
    // Takes the values of conditions with the same SQL, keeping the bound places.
    void take_values_of(const Conditions& same_sql);

  private:
    std::vector<std::string> conditions_;
    std::deque<Value> values_;  // a deque: bound references stay valid as values are added
};

// SELECT COUNT(*) FROM `from` with the conditions: the total a paginated list reports.
long long count_rows(Connection& c, const std::string& from, const Conditions& conditions);

// One page of a list, as a statement prepared once per connection and SQL text (on
// PostgreSQL a fresh statement costs three round trips and a plan). `Row` binds its columns
// (`bind(statement&)`); the conditions' values and the limit are copied in before each run.
template <typename Row>
struct CachedList {
    CachedList(soci::session& sql, const std::string& text, const Conditions& conditions)
        : st(sql), where(conditions) {
        row.bind(st);
        where.bind(st);
        st.exchange(soci::use(limit));
        prepare(st, text);
    }
    Row row;
    soci::statement st;
    Conditions where;
    long long limit = 0;
};

// Runs a CachedList for these conditions and limit, calling `take(row)` per row read.
template <typename Row, typename Take>
void read_list(Connection& c, const std::string& text, const Conditions& where, long long limit,
               Take&& take) {
    auto& q = c.prepared<CachedList<Row>>(text, where);
    q.where.take_values_of(where);
    q.limit = limit;
    q.st.execute(false);
    while (q.st.fetch()) take(q.row);
    finish(q.st, c.dialect());
}

// Keyset pages read one row more than they show: that row tells whether another page follows.
inline long long rows_to_read(const core::PageRequest& page) {
    return core::page_size(page) + 1;
}

// Drops the extra row, if read, and sets the cursor of the next page from the last row kept.
template <typename T, typename CursorOf>
void close_page(core::Page<T>& page, const core::PageRequest& request, CursorOf&& cursor_of) {
    auto size = static_cast<std::size_t>(core::page_size(request));
    if (page.items.size() <= size) return;
    page.items.resize(size);
    page.next_after = cursor_of(page.items.back());
}

// LIKE pattern for "contains `text`", with % _ and \ escaped (used with ESCAPE '\').
std::string contains_pattern(const std::string& text);

}  // namespace shido::storage
