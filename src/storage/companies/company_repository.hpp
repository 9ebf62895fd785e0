#pragma once
#include <optional>
#include <vector>

#include "core/access/access_policy.hpp"
#include "core/companies/company.hpp"
#include "core/paging/page.hpp"
#include "storage/database.hpp"

namespace shido::storage {

struct CompanyQuery {
    core::VisibleScope scope;
    std::string name_contains;
    core::PageRequest page;  // by name, then id
};

class CompanyRepository {
  public:
    explicit CompanyRepository(Connection& c) : c_(c) {}

    core::Id insert(const core::Company& company, core::Timestamp now);
    void update(const core::Company& company, core::Timestamp now);
    std::optional<core::Company> find(core::Id id);
    core::Page<core::Company> page(const CompanyQuery& query);

  private:
    std::vector<core::Company> query(const std::string& tail, core::Id key);
    Connection& c_;
};

}  // namespace shido::storage
