#include "services/companies/company_service.hpp"

#include "core/error.hpp"
#include "core/validation.hpp"
#include "services/audit/audit_service.hpp"
#include "services/companies/company_views.hpp"
#include "storage/companies/company_repository.hpp"
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

core::Page<core::Company> CompanyService::list(const RequestContext& ctx,
                                               const std::string& name_contains,
                                               const core::PageRequest& page) {
    storage::Connection c(env_.db);
    return storage::CompanyRepository(c).page(
        storage::CompanyQuery{core::visible_scope(ctx.actor), name_contains, page});
}

core::Company CompanyService::get(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view);
    storage::Connection c(env_.db);
    auto company = storage::CompanyRepository(c).find(grant.id_of(core::Anchor::company));
    if (!company) core::throw_not_found("企業");
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
           Change{core::AuditAction::create, core::AuditEntity::company, company.id, std::nullopt,
                  nullptr, to_json(company)});
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
           Change{core::AuditAction::update, core::AuditEntity::company, id, std::nullopt,
                  to_json(*before), to_json(after)});
    tx.commit();
    return after;
}

}  // namespace shido::services
