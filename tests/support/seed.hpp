#pragma once
// Rows written straight through the repositories, for storage tests that need many of them
// (no password hashing, no audit entries).
#include <optional>
#include <string>

#include "content/library.hpp"
#include "services/course/planning_service.hpp"
#include "storage/accounts/user_repository.hpp"
#include "storage/companies/company_repository.hpp"
#include "storage/engagements/engagement_repository.hpp"

namespace shido::testing {

inline core::Id insert_company(storage::Connection& c, const std::string& name,
                               core::Timestamp now) {
    core::Company company;
    company.name = name;
    company.industry = "製造業";
    company.employee_count = 12;
    return storage::CompanyRepository(c).insert(company, now);
}

inline core::Id insert_user(storage::Connection& c, const std::string& email,
                            const std::string& name, core::Role role, core::Timestamp now,
                            std::optional<core::Id> company_id = {},
                            std::optional<core::CompanyRole> company_role = {}) {
    core::User user;
    user.email = email;
    user.name = name;
    user.role = role;
    user.company_id = company_id;
    user.company_role = company_role;
    return storage::UserRepository(c).insert(user, "not-a-real-hash", now);
}

// A new engagement on the shipped current course, as the service would open it.
inline core::Engagement engagement_on_current_course() {
    static const auto library = content::load_library(SHIDO_CONTENT_DIR);
    return services::opened_on(library.curriculum);
}

inline core::Id insert_engagement(storage::Connection& c, core::Id company_id,
                                  std::optional<core::Id> expert_id, core::EngagementStatus status,
                                  core::Timestamp now) {
    core::Engagement e = engagement_on_current_course();
    e.company_id = company_id;
    e.expert_id = expert_id;
    e.status = status;
    return storage::EngagementRepository(c).insert(e, now);
}

}  // namespace shido::testing
