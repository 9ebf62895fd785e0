#pragma once
#include <nlohmann/json.hpp>

#include "content/curriculum.hpp"

namespace shido::services {

nlohmann::json to_json(const content::Curriculum& curriculum);

}  // namespace shido::services
