// 事務局: user accounts.
#include "core/error.hpp"
#include "http/api_routes.hpp"
#include "http/json_input.hpp"
#include "services/accounts/user_views.hpp"
#include "services/json_helpers.hpp"

namespace shido::http {

namespace {

std::optional<core::Role> role_filter(const ApiCall& call) {
    auto text = call.query_param("role");
    if (!text || text->empty()) return std::nullopt;
    auto role = core::parse_role(*text);
    if (!role)
        throw core::DomainError(core::ErrorCode::validation, "役割の指定が正しくありません。",
                                {{"role", "secretariat・expert・company のいずれかです。"}});
    return role;
}

services::NewUser new_user(const nlohmann::json& body) {
    BodyReader in(body);
    services::NewUser user;
    user.email = in.required_text("email");
    user.name = in.required_text("name");
    user.role = in.required_text("role");
    user.company_id = in.integer("company_id");
    user.company_role = in.text("company_role");
    // An old client still sending one learns that it is not set, rather than being ignored.
    if (body.is_object() && body.contains("password"))
        in.fail("password", "パスワードは本人が招待メールのリンクから設定します。");
    in.finish();
    return user;
}

}  // namespace

std::vector<Route> user_routes(services::Services& s) {
    auto& users = s.users;
    return {
        {Method::get, "/api/v1/users", Access::secretariat,
         [&users](ApiCall& call) {
             services::UserFilter query{role_filter(call), call.query_param("q").value_or(""),
                                        call.page()};
             return ApiResponse{
                 200,
                 services::page_json(users.list(call.ctx, query),
                                     [](const core::User& u) { return services::to_json(u); }),
                 {}};
         }},
        // No password: the person sets their own from the invitation mail.
        {Method::post, "/api/v1/users", Access::secretariat,
         [&users](ApiCall& call) {
             return ApiResponse{
                 201, services::to_json(users.invite(call.ctx, new_user(call.body))), {}};
         }},
        {Method::post, "/api/v1/users/{id}/invitation", Access::secretariat,
         [&s](ApiCall& call) {
             s.account_links.resend_invitation(call.ctx, call.path_id());
             return ApiResponse{202, nlohmann::json{{"message", "招待メールを送信します。"}}, {}};
         }},
    };
}

}  // namespace shido::http
