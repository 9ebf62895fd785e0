#include "storage/companies/company_repository.hpp"

#include "storage/list_query.hpp"
#include "storage/nullable.hpp"

namespace shido::storage {

namespace {

struct CompanyRow {
    long long id = 0;
    std::string name, industry;
    NullableIn<int> employee_count;
    std::string address, website, representative_title, representative_name;
    long long created_at = 0, updated_at = 0;

    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(name));
        st.exchange(soci::into(industry));
        st.exchange(soci::into(employee_count.value, employee_count.ind));
        st.exchange(soci::into(address));
        st.exchange(soci::into(website));
        st.exchange(soci::into(representative_title));
        st.exchange(soci::into(representative_name));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(updated_at));
    }

    core::Company to_company() const {
        return core::Company{id,
                             name,
                             industry,
                             employee_count.get(),
                             address,
                             website,
                             representative_title,
                             representative_name,
                             created_at,
                             updated_at};
    }
};

constexpr const char* company_select =
    "SELECT c.id, c.name, c.industry, c.employee_count, c.address, c.website, "
    "c.representative_title, c.representative_name, c.created_at, c.updated_at FROM companies c ";

}  // namespace

std::vector<core::Company> CompanyRepository::query(const std::string& tail, core::Id key) {
    CompanyRow row;
    long long bound_key = key;
    soci::statement st(c_.sql());
    row.bind(st);
    st.exchange(soci::use(bound_key));
    prepare(st, company_select + tail);
    st.execute(false);
    std::vector<core::Company> result;
    while (st.fetch()) result.push_back(row.to_company());
    return result;
}

core::Id CompanyRepository::insert(const core::Company& company, core::Timestamp now) {
    NullableOut<int> employees(company.employee_count);
    long long id = 0;
    c_.sql() << "INSERT INTO companies (name, industry, employee_count, address, website, "
                "representative_title, representative_name, created_at, updated_at) VALUES "
                "(:n, :i, :e, :a, :w, :rt, :rn, :c, :u) RETURNING id",
        soci::use(company.name), soci::use(company.industry),
        soci::use(employees.value, employees.ind), soci::use(company.address),
        soci::use(company.website), soci::use(company.representative_title),
        soci::use(company.representative_name), soci::use(now), soci::use(now), soci::into(id);
    return id;
}

void CompanyRepository::update(const core::Company& company, core::Timestamp now) {
    NullableOut<int> employees(company.employee_count);
    c_.sql() << "UPDATE companies SET name = :n, industry = :i, employee_count = :e, address = :a, "
                "website = :w, representative_title = :rt, representative_name = :rn, "
                "updated_at = :u WHERE id = :id",
        soci::use(company.name), soci::use(company.industry),
        soci::use(employees.value, employees.ind), soci::use(company.address),
        soci::use(company.website), soci::use(company.representative_title),
        soci::use(company.representative_name), soci::use(now), soci::use(company.id);
}

std::optional<core::Company> CompanyRepository::find(core::Id id) {
    auto rows = query("WHERE c.id = :id", id);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

core::Page<core::Company> CompanyRepository::page(const CompanyQuery& q) {
    Conditions where;
    switch (q.scope.kind) {
        case core::VisibleScope::Kind::everything:
            break;
        case core::VisibleScope::Kind::assigned_to_expert:
            where.add("c.id IN (SELECT e.company_id FROM engagements e WHERE e.expert_id = ?)",
                      {q.scope.id});
            break;
        case core::VisibleScope::Kind::of_company:
            where.add("c.id = ?", {q.scope.id});
            break;
        case core::VisibleScope::Kind::nothing:
            where.add("1 = 0", {});
            break;
    }
    if (!q.name_contains.empty())
        where.add("c.name LIKE ? ESCAPE '\\'", {contains_pattern(q.name_contains)});
    core::Page<core::Company> page;
    page.total = count_rows(c_, "companies c", where);
    if (q.page.after) {
        auto parts = core::cursor_parts(*q.page.after, 2);
        auto id = core::cursor_id(parts[1]);
        where.add("(c.name > ? OR (c.name = ? AND c.id > ?))", {parts[0], parts[0], id});
    }
    long long fetch = rows_to_read(q.page);
    CompanyRow row;
    soci::statement st(c_.sql());
    row.bind(st);
    where.bind(st);
    st.exchange(soci::use(fetch));
    prepare(st, company_select + where.where() + " ORDER BY c.name, c.id LIMIT :limit");
    st.execute(false);
    while (st.fetch()) page.items.push_back(row.to_company());
    close_page(page, q.page, [](const core::Company& c) {
        return core::encode_cursor({c.name, std::to_string(c.id)});
    });
    return page;
}

}  // namespace shido::storage
