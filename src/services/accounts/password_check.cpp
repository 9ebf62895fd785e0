#include "services/accounts/password_check.hpp"

#include "core/error.hpp"

namespace shido::services {

void require_acceptable_password(const core::PasswordRule& rule, const std::string& field,
                                 const std::string& password, const std::string& email) {
    if (auto problem = core::password_problem(rule, password, email))
        throw core::DomainError(core::ErrorCode::validation, *problem, {{field, *problem}});
}

}  // namespace shido::services
