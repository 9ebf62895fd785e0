#include "services/context.hpp"

#include "core/clock.hpp"

namespace shido::services {

bool database_answers(const ServiceEnv& env) {
    try {
        storage::Connection c(env.db);
        int one = 0;
        c.sql() << "SELECT 1", soci::into(one);
        return one == 1;
    } catch (const std::exception&) {
        return false;
    }
}

std::string today(const ServiceEnv& env) {
    return core::date_in_japan(env.now());
}

}  // namespace shido::services
