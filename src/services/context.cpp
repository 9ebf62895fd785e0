#include "services/context.hpp"

#include "core/clock.hpp"

namespace shido::services {

std::string today(const ServiceEnv& env) {
    return core::date_in_japan(env.now());
}

}  // namespace shido::services
