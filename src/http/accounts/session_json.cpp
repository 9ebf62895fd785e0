#include "http/accounts/session_json.hpp"

#include "services/accounts/user_views.hpp"

namespace shido::http {

nlohmann::json session_body(const core::User& user, const std::string& csrf_token) {
    bool required = core::second_factor_required(user);
    return {{"user", services::to_json(user)},
            {"csrf_token", csrf_token},
            {"two_factor",
             {{"enabled", user.two_factor_enabled},
              {"required", required},
              {"enrolment_required", required && !user.two_factor_enabled}}}};
}

}  // namespace shido::http
