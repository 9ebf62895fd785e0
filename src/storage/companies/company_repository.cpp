#include "storage/companies/company_repository.hpp"

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

std::vector<core::Company> CompanyRepository::list_all() {
    return query("WHERE c.id > :zero ORDER BY c.name, c.id", 0);
}

std::vector<core::Company> CompanyRepository::list_for_expert(core::Id expert_id) {
    return query(
        "WHERE c.id IN (SELECT e.company_id FROM engagements e WHERE e.expert_id = :x) "
        "ORDER BY c.name, c.id",
        expert_id);
}

}  // namespace shido::storage
