#include "http/accounts/session_body.hpp"

#include "core/accounts/two_factor.hpp"
#include "services/accounts/user_views.hpp"

namespace shido::http {

nlohmann::json session_body(const core::User& user, const std::string& csrf_token) {
    auto state = core::two_factor_state(user);
    return {{"user", services::to_json(user)},
            {"csrf_token", csrf_token},
            {"two_factor",
             {{"enabled", state.enabled},
              {"required", state.required},
              {"enrolment_required", state.enrolment_required}}}};
}

}  // namespace shido::http
