#include "core/error.hpp"
#include "http/accounts/session_body.hpp"
#include "http/api_routes.hpp"
#include "http/dispatcher.hpp"
#include "http/json_input.hpp"

namespace shido::http {

namespace {

ApiResponse signed_in(const services::LoginResult& result, Dispatcher& dispatcher) {
    return ApiResponse{200,
                       session_body(result.user, result.csrf_token),
                       {{"Set-Cookie", dispatcher.session_cookie_header(result.token)}}};
}

}  // namespace

std::vector<Route> auth_routes(services::Services& s, Dispatcher& dispatcher) {
    return {
        heavy({Method::post, "/api/v1/auth/login", Access::public_route,
               [&s, &dispatcher](ApiCall& call) {
                   BodyReader in(call.body);
                   auto email = in.required_text("email");
                   auto password = in.required_text("password");
                   in.finish();
                   auto result =
                       s.auth.login(email, password, call.client_address, call.user_agent);
                   // A second factor to come: no cookie yet, only the challenge.
                   if (!result.challenge.empty())
                       return ApiResponse{200, nlohmann::json{{"second_factor_required", true},
                                                              {"challenge", result.challenge}}};
                   return signed_in(result, dispatcher);
               }}),
        {Method::post, "/api/v1/auth/login/second-factor", Access::public_route,
         [&s, &dispatcher](ApiCall& call) {
             BodyReader in(call.body);
             services::SecondFactorAnswer answer;
             answer.challenge = in.required_text("challenge");
             answer.code = in.text("code");
             answer.recovery_code = in.text("recovery_code");
             in.finish();
             return signed_in(
                 s.auth.login_second_factor(
                     answer, services::ClientInfo{call.client_address, call.user_agent}),
                 dispatcher);
         }},
        {Method::get, "/api/v1/auth/sign-in-options", Access::public_route,
         [&s](ApiCall&) {
             return ApiResponse{
                 200,
                 nlohmann::json{{"demo_accounts_skip_second_factor",
                                 s.two_factor.demo_accounts_skip_second_factor()},
                                {"password_min_length", s.env.content.password_rule.min_chars}}};
         }},
        before_enrolment(
            {Method::get, "/api/v1/auth/me", Access::authenticated,
             [](ApiCall& call) {
                 return ApiResponse{
                     200, session_body(call.session->user, call.session->csrf_token), {}};
             }}),
        before_enrolment(
            {Method::post, "/api/v1/auth/logout", Access::authenticated,
             [&s, &dispatcher](ApiCall& call) {
                 s.auth.logout(call.session->token_hash);
                 return ApiResponse{
                     204, std::nullopt, {{"Set-Cookie", dispatcher.clear_session_cookie_header()}}};
             }}),
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
