#include "storage/list_query.hpp"

#include <stdexcept>

namespace shido::storage {

Conditions& Conditions::add(const std::string& condition, std::vector<Value> values) {
    std::string sql;
    std::size_t next = 0;
    for (char ch : condition) {
        if (ch != '?') {
            sql += ch;
            continue;
        }
        if (next == values.size()) throw std::logic_error("more placeholders than values");
        sql += ":p" + std::to_string(values_.size());
        values_.push_back(std::move(values[next++]));
    }
    if (next != values.size()) throw std::logic_error("more values than placeholders");
    conditions_.push_back(std::move(sql));
    return *this;
}

std::string Conditions::where() const {
    std::string sql;
    for (const auto& condition : conditions_)
        sql += (sql.empty() ? " WHERE " : " AND ") + condition;
    return sql;
}

void Conditions::bind(soci::statement& st) const {
    for (const auto& value : values_) {
        if (const auto* number = std::get_if<long long>(&value))
            st.exchange(soci::use(*number));
        else
            st.exchange(soci::use(std::get<std::string>(value)));
    }
}

void Conditions::take_values_of(const Conditions& same_sql) {
    if (same_sql.values_.size() != values_.size())
        throw std::logic_error("conditions of another SQL text");
    // Assigning an alternative of the same type keeps the object, and so the bound address.
    for (std::size_t i = 0; i < values_.size(); ++i) values_[i] = same_sql.values_[i];
}

namespace {
struct CachedCount {
    CachedCount(soci::session& sql, const std::string& text, const Conditions& conditions)
        : st(sql), where(conditions) {
        st.exchange(soci::into(total));
        where.bind(st);
        prepare(st, text);
    }
    soci::statement st;
    Conditions where;
    long long total = 0;
};
}  // namespace

long long count_rows(Connection& c, const std::string& from, const Conditions& conditions) {
    auto& q =
        c.prepared<CachedCount>("SELECT COUNT(*) FROM " + from + conditions.where(), conditions);
    q.where.take_values_of(conditions);
    fetch_one(q.st, c.dialect());
    return q.total;
}

std::string contains_pattern(const std::string& text) {
    std::string pattern = "%";
    for (char ch : text) {
        if (ch == '%' || ch == '_' || ch == '\\') pattern += '\\';
        pattern += ch;
    }
    return pattern + "%";
}

}  // namespace shido::storage
