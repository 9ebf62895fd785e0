#include "core/error.hpp"
#include "http/accounts/session_json.hpp"
#include "http/api_routes.hpp"
#include "http/dispatcher.hpp"
#include "http/json_input.hpp"
#include "services/accounts/user_views.hpp"

namespace shido::http {

std::vector<Route> auth_routes(services::Services& s, Dispatcher& dispatcher) {
    return {
        heavy({Method::post, "/api/v1/auth/login", Access::public_route,
               [&s, &dispatcher](ApiCall& call) {
                   BodyReader in(call.body);
                   auto email = in.required_text("email");
                   auto password = in.required_text("password");
                   in.finish();
                   auto result = s.auth.login(email, password, call.client_address);
                   return ApiResponse{
                       200,
                       session_body(result.user, result.csrf_token),
                       {{"Set-Cookie", dispatcher.session_cookie_header(result.token)}}};
               }}),
        {Method::get, "/api/v1/auth/me", Access::authenticated,
         [](ApiCall& call) {
             return ApiResponse{
                 200, session_body(call.session->user, call.session->csrf_token), {}};
         }},
        {Method::post, "/api/v1/auth/logout", Access::authenticated,
         [&s, &dispatcher](ApiCall& call) {
             s.auth.logout(call.session->token_hash);
             return ApiResponse{
                 204, std::nullopt, {{"Set-Cookie", dispatcher.clear_session_cookie_header()}}};
         }},
        heavy({Method::post, "/api/v1/auth/password", Access::authenticated,
               [&s](ApiCall& call) {
                   BodyReader in(call.body);
                   auto current = in.required_text("current_password");
                   auto next = in.required_text("new_password");
                   in.finish();
                   s.auth.change_password(call.ctx, call.session->token_hash, current, next);
                   return ApiResponse{204, std::nullopt, {}};
               }}),
    };
}

}  // namespace shido::http
