// The links people get by e-mail: an invitation to set a password, a forgotten password.
// Public: the token in the body or path is the credential.
#include "http/accounts/session_body.hpp"
#include "http/api_routes.hpp"
#include "http/dispatcher.hpp"
#include "http/json_input.hpp"

namespace shido::http {

namespace {

struct PasswordByLink {
    std::string token;
    std::string password;
};

PasswordByLink password_by_link(const nlohmann::json& body) {
    BodyReader in(body);
    PasswordByLink out{in.required_text("token"), in.required_text("password")};
    in.finish();
    return out;
}

}  // namespace

std::vector<Route> account_link_routes(services::Services& s, Dispatcher& dispatcher) {
    auto& links = s.account_links;
    return {
        {Method::get, "/api/v1/auth/links/{token}", Access::public_route,
         [&links](ApiCall& call) {
             auto link = links.describe(call.path.at("token"));
             return ApiResponse{200,
                                nlohmann::json{{"purpose", link.purpose},
                                               {"email", link.email},
                                               {"name", link.name},
                                               {"expires_at", link.expires_at}},
                                {}};
         }},
        // Setting a password hashes it (argon2id): heavy work.
        heavy({Method::post, "/api/v1/auth/invitations/accept", Access::public_route,
               [&links, &dispatcher](ApiCall& call) {
                   auto in = password_by_link(call.body);
                   auto result = links.accept_invitation(in.token, in.password, call.client_address,
                                                         call.user_agent);
                   return ApiResponse{
                       200,
                       session_body(result.user, result.csrf_token),
                       {{"Set-Cookie", dispatcher.session_cookie_header(result.token)}}};
               }}),
        {Method::post, "/api/v1/auth/password-reset", Access::public_route,
         [&links](ApiCall& call) {
             BodyReader in(call.body);
             auto email = in.required_text("email");
             in.finish();
             links.request_reset(email, call.client_address);
             return ApiResponse{
                 202,
                 nlohmann::json{
                     {"message",
                      "入力されたメールアドレスにアカウントがあれば、パスワード再設定用の"
                      "メールを送信しました。届かない場合は、アドレスを確かめてもう一度"
                      "お試しください。"}},
                 {}};
         }},
        heavy({Method::post, "/api/v1/auth/password-reset/complete", Access::public_route,
               [&links](ApiCall& call) {
                   auto in = password_by_link(call.body);
                   links.complete_reset(in.token, in.password);
                   return ApiResponse{204, std::nullopt, {}};
               }}),
    };
}

}  // namespace shido::http
