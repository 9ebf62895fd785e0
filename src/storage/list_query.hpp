#pragma once
#include <deque>
#include <string>
#include <variant>
#include <vector>

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

  private:
    std::vector<std::string> conditions_;
    std::deque<Value> values_;  // a deque: bound references stay valid as values are added
};

// SELECT COUNT(*) FROM `from` with the conditions: the total a paginated list reports.
long long count_rows(Connection& c, const std::string& from, const Conditions& conditions);

// LIKE pattern for "contains `text`", with % _ and \ escaped (used with ESCAPE '\').
std::string contains_pattern(const std::string& text);

}  // namespace shido::storage
