#pragma once
#include <optional>
#include <string>

#include "core/ids.hpp"

namespace shido::core {

struct Company {
    Id id = 0;
    std::string name;
    std::string industry;
    std::optional<int> employee_count;
    std::string address;
    std::string website;
    std::string representative_title;
    std::string representative_name;
    Timestamp created_at = 0;
    Timestamp updated_at = 0;
};

}  // namespace shido::core
