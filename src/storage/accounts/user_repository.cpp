#include "storage/accounts/user_repository.hpp"

#include "storage/list_query.hpp"
#include "storage/nullable.hpp"

namespace shido::storage {

namespace {

constexpr const char* user_columns =
    "id, email, name, role, company_id, company_role, active, created_at, updated_at, "
    "password_hash, second_factor_exempt, "
    "(SELECT COUNT(*) FROM two_factor_secrets t WHERE t.user_id = users.id AND t.confirmed_at "
    "IS NOT NULL)";

// Row buffer shared by every user query so the column order lives in one place.
struct UserRow {
    core::Id id = 0;
    std::string email, name, role;
    NullableIn<long long> company_id;
    NullableIn<std::string> company_role;
    int active = 1;
    long long created_at = 0, updated_at = 0;
    std::string password_hash;
    int second_factor_exempt = 0;
    long long two_factor = 0;

    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(email));
        st.exchange(soci::into(name));
        st.exchange(soci::into(role));
        st.exchange(soci::into(company_id.value, company_id.ind));
        st.exchange(soci::into(company_role.value, company_role.ind));
        st.exchange(soci::into(active));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(updated_at));
        st.exchange(soci::into(password_hash));
        st.exchange(soci::into(second_factor_exempt));
        st.exchange(soci::into(two_factor));
    }

    core::User to_user() const {
        core::User u;
        u.id = id;
        u.email = email;
        u.name = name;
        u.role = core::parse_role(role).value_or(core::Role::company);
        u.company_id = company_id.get();
        if (auto cr = company_role.get()) u.company_role = core::parse_company_role(*cr);
        u.active = active != 0;
        u.created_at = created_at;
        u.updated_at = updated_at;
        u.has_password = !password_hash.empty();
        u.second_factor_exempt = second_factor_exempt != 0;
        u.two_factor_enabled = two_factor > 0;
        return u;
    }
};

template <typename Use>
std::vector<UserWithHash> query_users(soci::session& sql, const std::string& where,
                                      Use&& bind_uses) {
    UserRow row;
    soci::statement st(sql);
    row.bind(st);
    bind_uses(st);
    prepare(st, std::string("SELECT ") + user_columns + " FROM users " + where);
    st.execute(false);
    std::vector<UserWithHash> result;
    while (st.fetch()) result.push_back({row.to_user(), row.password_hash});
    return result;
}

}  // namespace

core::Id UserRepository::insert(const core::User& user, const std::string& password_hash,
                                core::Timestamp now) {
    NullableOut<long long> company_id(user.company_id);
    std::optional<std::string> company_role;
    if (user.company_role) company_role = std::string(core::to_string(*user.company_role));
    NullableOut<std::string> company_role_out(company_role);
    std::string role(core::to_string(user.role));
    int active = user.active ? 1 : 0;
    long long id = 0;
    c_.sql()
        << "INSERT INTO users (email, name, role, company_id, company_role, password_hash, "
           "active, created_at, updated_at) VALUES (:email, :name, :role, :cid, :crole, :hash, "
           ":active, :created, :updated) RETURNING id",
        soci::use(user.email), soci::use(user.name), soci::use(role),
        soci::use(company_id.value, company_id.ind),
        soci::use(company_role_out.value, company_role_out.ind), soci::use(password_hash),
        soci::use(active), soci::use(now), soci::use(now), soci::into(id);
    return id;
}

namespace {
// Runs on every authenticated request: prepared once per connection.
struct UserById {
    explicit UserById(soci::session& sql) : st(sql) {
        row.bind(st);
        st.exchange(soci::use(key));
        prepare(st, std::string("SELECT ") + user_columns + " FROM users WHERE id = :id");
    }
    long long key = 0;
    UserRow row;
    soci::statement st;
};
}  // namespace

std::optional<core::User> UserRepository::find(core::Id id) {
    auto& q = c_.prepared<UserById>();
    q.key = id;
    if (!fetch_one(q.st, c_.dialect())) return std::nullopt;
    return q.row.to_user();
}

std::optional<UserWithHash> UserRepository::find_by_email(const std::string& email) {
    auto rows = query_users(c_.sql(), "WHERE email = :email",
                            [&](soci::statement& st) { st.exchange(soci::use(email)); });
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::optional<std::string> UserRepository::password_hash(core::Id id) {
    auto rows = query_users(c_.sql(), "WHERE id = :id",
                            [&](soci::statement& st) { st.exchange(soci::use(id)); });
    if (rows.empty()) return std::nullopt;
    return rows.front().password_hash;
}

void UserRepository::set_password_hash(core::Id id, const std::string& hash, core::Timestamp now) {
    c_.sql() << "UPDATE users SET password_hash = :h, updated_at = :t WHERE id = :id",
        soci::use(hash), soci::use(now), soci::use(id);
}

core::Page<core::User> UserRepository::page(const UserQuery& q) {
    Conditions where;
    if (q.role) where.add("role = ?", {std::string(core::to_string(*q.role))});
    if (!q.name_or_email_contains.empty()) {
        auto pattern = contains_pattern(q.name_or_email_contains);
        where.add("(name LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\')", {pattern, pattern});
    }
    core::Page<core::User> page;
    page.total = count_rows(c_, "users", where);
    if (q.page.after) {
        auto parts = core::cursor_parts(*q.page.after, 3);
        where.add("(role, name, id) > (?, ?, ?)", {parts[0], parts[1], core::cursor_id(parts[2])});
    }
    long long fetch = rows_to_read(q.page);
    auto rows = query_users(c_.sql(), where.where() + " ORDER BY role, name, id LIMIT :limit",
                            [&](soci::statement& st) {
                                where.bind(st);
                                st.exchange(soci::use(fetch));
                            });
    for (auto& row : rows) page.items.push_back(std::move(row.user));
    close_page(page, q.page, [](const core::User& u) {
        return core::encode_cursor(
            {std::string(core::to_string(u.role)), u.name, std::to_string(u.id)});
    });
    return page;
}

bool UserRepository::email_taken(const std::string& email) {
    int count = 0;
    c_.sql() << "SELECT COUNT(*) FROM users WHERE email = :e", soci::use(email), soci::into(count);
    return count > 0;
}

void UserRepository::reinvite(const core::User& user, core::Timestamp now) {
    std::string company_role(user.company_role ? core::to_string(*user.company_role) : "manager");
    c_.sql() << "UPDATE users SET active = 1, password_hash = '', name = :n, company_role = :r, "
                "updated_at = :t WHERE id = :id",
        soci::use(user.name), soci::use(company_role), soci::use(now), soci::use(user.id);
}

void UserRepository::set_active(core::Id id, bool active, core::Timestamp now) {
    int flag = active ? 1 : 0;
    c_.sql() << "UPDATE users SET active = :a, updated_at = :t WHERE id = :id", soci::use(flag),
        soci::use(now), soci::use(id);
}

std::vector<core::User> UserRepository::of_company(core::Id company_id) {
    auto rows = query_users(c_.sql(),
                            "WHERE company_id = :c AND active = 1 ORDER BY "
                            "CASE company_role WHEN 'owner' THEN 0 ELSE 1 END, name, id",
                            [&](soci::statement& st) { st.exchange(soci::use(company_id)); });
    std::vector<core::User> users;
    for (auto& row : rows) users.push_back(std::move(row.user));
    return users;
}

}  // namespace shido::storage
