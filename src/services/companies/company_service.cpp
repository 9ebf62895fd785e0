#include "services/companies/company_service.hpp"

#include "core/error.hpp"
#include "core/validation.hpp"
#include "services/audit/audit_service.hpp"
#include "services/views.hpp"
#include "storage/companies/company_repository.hpp"
#include "storage/engagements/engagement_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

namespace {

void apply(core::Company& company, const CompanyInput& in) {
    if (in.name) company.name = *in.name;
    if (in.industry) company.industry = *in.industry;
    if (in.address) company.address = *in.address;
    if (in.website) company.website = *in.website;
    if (in.representative_title) company.representative_title = *in.representative_title;
    if (in.representative_name) company.representative_name = *in.representative_name;
    if (in.employee_count) company.employee_count = *in.employee_count;
}

}  // namespace

void validate(const core::Company& c) {
    core::Validator v;
    v.require_text("name", c.name, core::max_name_chars);
    v.optional_text("industry", c.industry, core::max_name_chars);
    v.optional_text("address", c.address, core::max_text_chars);
    v.url("website", c.website);
    v.optional_text("representative_title", c.representative_title, core::max_name_chars);
    v.optional_text("representative_name", c.representative_name, core::max_name_chars);
    if (c.employee_count) v.int_range("employee_count", *c.employee_count, 0, 1'000'000);
    v.throw_if_failed();
}

std::vector<core::Company> CompanyService::list(const RequestContext& ctx) {
    storage::Connection c(env_.db);
    storage::CompanyRepository companies(c);
    switch (ctx.actor.role) {
        case core::Role::secretariat:
            return companies.list_all();
        case core::Role::expert:
            return companies.list_for_expert(ctx.actor.user_id);
        case core::Role::company: {
            auto own = ctx.actor.company_id ? companies.find(*ctx.actor.company_id) : std::nullopt;
            return own ? std::vector<core::Company>{*own} : std::vector<core::Company>{};
        }
    }
    return {};
}

core::Company CompanyService::get(const RequestContext& ctx, core::Id id) {
    storage::Connection c(env_.db);
    auto company = storage::CompanyRepository(c).find(id);
    if (!company) core::throw_not_found("企業");
    bool assigned = ctx.actor.role == core::Role::expert &&
                    storage::EngagementRepository(c).expert_has_company(ctx.actor.user_id, id);
    if (!core::may_view_company(ctx.actor, id, assigned)) core::throw_forbidden();
    return *company;
}

core::Company CompanyService::create(const RequestContext& ctx, const CompanyInput& input) {
    if (!core::is_secretariat(ctx.actor)) core::throw_forbidden();
    core::Company company;
    apply(company, input);
    validate(company);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::CompanyRepository repo(c);
    company.id = repo.insert(company, now);
    company.created_at = company.updated_at = now;
    record(c, ctx, now,
           Change{"create", "company", company.id, std::nullopt, nullptr, to_json(company)});
    tx.commit();
    return company;
}

core::Company CompanyService::update(const RequestContext& ctx, core::Id id,
                                     const CompanyInput& input) {
    if (!core::is_secretariat(ctx.actor)) core::throw_forbidden();
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::CompanyRepository repo(c);
    auto before = repo.find(id);
    if (!before) core::throw_not_found("企業");
    core::Company after = *before;
    apply(after, input);
    validate(after);
    if (to_json(after) == to_json(*before)) return *before;  // nothing changed: nothing to record
    repo.update(after, now);
    after.updated_at = now;
    record(c, ctx, now,
           Change{"update", "company", id, std::nullopt, to_json(*before), to_json(after)});
    tx.commit();
    return after;
}

}  // namespace shido::services
