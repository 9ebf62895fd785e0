#pragma once
#include <optional>
#include <vector>

#include "core/companies/company.hpp"
#include "storage/database.hpp"

namespace shido::storage {

class CompanyRepository {
  public:
    explicit CompanyRepository(Connection& c) : c_(c) {}

    core::Id insert(const core::Company& company, core::Timestamp now);
    void update(const core::Company& company, core::Timestamp now);
    std::optional<core::Company> find(core::Id id);
    std::vector<core::Company> list_all();
    // Companies of the engagements assigned to an expert.
    std::vector<core::Company> list_for_expert(core::Id expert_id);

  private:
    std::vector<core::Company> query(const std::string& tail, core::Id key);
    Connection& c_;
};

}  // namespace shido::storage
