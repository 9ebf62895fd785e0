#include "exports/accounts/qr_svg.hpp"
#include "http/api_routes.hpp"
#include "http/dispatcher.hpp"
#include "http/json_input.hpp"

namespace shido::http {

namespace {

nlohmann::json two_factor_status_body(const services::TwoFactorStatus& st) {
    return {{"enabled", st.enabled},
            {"required", st.required},
            {"confirmed_at", st.confirmed_at ? nlohmann::json(*st.confirmed_at) : nlohmann::json()},
            {"recovery_codes_left", st.recovery_codes_left}};
}

nlohmann::json recovery_codes_body(const std::vector<std::string>& codes) {
    return {{"recovery_codes", codes}};
}

nlohmann::json signed_in_sessions_body(const std::vector<services::SignedInSession>& sessions) {
    auto items = nlohmann::json::array();
    for (const auto& s : sessions)
        items.push_back({{"id", s.id},
                         {"current", s.current},
                         {"device", s.device},
                         {"user_agent", s.user_agent},
                         {"client_address", s.client_address},
                         {"created_at", s.created_at},
                         {"last_seen_at", s.last_seen_at}});
    return {{"items", std::move(items)}};
}

std::string code_of(const nlohmann::json& body) {
    BodyReader in(body);
    auto code = in.required_text("code");
    in.finish();
    return code;
}

// The own second factor: open before enrolment (it is how one enrols).
std::vector<Route> own_two_factor_routes(services::Services& s) {
    return {
        before_enrolment(
            {Method::get, "/api/v1/me/two-factor", Access::authenticated,
             [&s](ApiCall& call) {
                 return ApiResponse{200, two_factor_status_body(s.two_factor.status(call.ctx))};
             }}),
        before_enrolment({Method::post, "/api/v1/me/two-factor/enrolment", Access::authenticated,
                          [&s](ApiCall& call) {
                              auto enrolment = s.two_factor.start_enrolment(call.ctx);
                              return ApiResponse{
                                  200, nlohmann::json{
                                           {"secret", enrolment.secret},
                                           {"otpauth_uri", enrolment.otpauth_uri},
                                           {"qr_svg", exports::qr_svg(enrolment.otpauth_uri)}}};
                          }}),
        before_enrolment({Method::post, "/api/v1/me/two-factor/confirm", Access::authenticated,
                          [&s](ApiCall& call) {
                              auto codes = s.two_factor.confirm(call.ctx, code_of(call.body));
                              return ApiResponse{200, recovery_codes_body(codes)};
                          }}),
        before_enrolment(
            {Method::post, "/api/v1/me/two-factor/recovery-codes", Access::authenticated,
             [&s](ApiCall& call) {
                 auto codes = s.two_factor.renew_recovery_codes(call.ctx, code_of(call.body));
                 return ApiResponse{200, recovery_codes_body(codes)};
             }}),
        heavy(
            before_enrolment({Method::post, "/api/v1/me/two-factor/disable", Access::authenticated,
                              [&s](ApiCall& call) {
                                  BodyReader in(call.body);
                                  auto password = in.required_text("password");
                                  in.finish();
                                  s.two_factor.disable(call.ctx, password);
                                  return ApiResponse{204, std::nullopt};
                              }})),
    };
}

// The own sessions: open before enrolment, so a person can end a session they do not know.
std::vector<Route> own_session_routes(services::Services& s, Dispatcher& dispatcher) {
    return {
        before_enrolment({Method::get, "/api/v1/me/sessions", Access::authenticated,
                          [&s](ApiCall& call) {
                              return ApiResponse{200, signed_in_sessions_body(s.sessions.list(
                                                          call.ctx, call.session->token_hash))};
                          }}),
        before_enrolment(
            {Method::del, "/api/v1/me/sessions/{session_id}", Access::authenticated,
             [&s, &dispatcher](ApiCall& call) {
                 bool current = s.sessions.sign_out(call.ctx, call.session->token_hash,
                                                    call.path.at("session_id"));
                 if (!current) return ApiResponse{204, std::nullopt};
                 return ApiResponse{
                     204, std::nullopt, {{"Set-Cookie", dispatcher.clear_session_cookie_header()}}};
             }}),
        before_enrolment({Method::post, "/api/v1/me/sessions/sign-out-others",
                          Access::authenticated,
                          [&s](ApiCall& call) {
                              s.sessions.sign_out_others(call.ctx, call.session->token_hash);
                              return ApiResponse{204, std::nullopt};
                          }}),
    };
}

}  // namespace

std::vector<Route> two_factor_routes(services::Services& s, Dispatcher& dispatcher) {
    auto routes = own_two_factor_routes(s);
    for (auto& route : own_session_routes(s, dispatcher)) routes.push_back(std::move(route));
    // The secretariat's reset for a person who lost their phone and their codes.
    routes.push_back(
        {Method::del, "/api/v1/users/{id}/two-factor", Access::secretariat, [&s](ApiCall& call) {
             s.two_factor.reset(call.ctx, call.path_id());
             return ApiResponse{204, std::nullopt};
         }});
    return routes;
}

}  // namespace shido::http
