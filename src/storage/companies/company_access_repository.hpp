#pragma once
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "storage/database.hpp"

namespace shido::storage {

// An expert assigned to one of a company's engagements: outside the company, with access.
struct AssignedExpert {
    core::Id user_id = 0;
    std::string name;
    core::Id engagement_id = 0;
};

// The experts of the company's engagements, by engagement.
std::vector<AssignedExpert> assigned_experts(Connection& c, core::Id company_id);

}  // namespace shido::storage
