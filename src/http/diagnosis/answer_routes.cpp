// 自社診断, respondent side: public routes where the link token is the only credential.
#include <limits>

#include "core/error.hpp"
#include "http/api_routes.hpp"
#include "http/json_input.hpp"
#include "services/diagnosis/diagnosis_views.hpp"

namespace shido::http {

namespace {

std::string token_of(const ApiCall& call) {
    auto it = call.path.find("token");
    if (it == call.path.end()) core::throw_not_found("回答用リンク");
    return it->second;
}

nlohmann::json answer_sheet_json(const services::AnswerSheet& q, const std::string& today) {
    auto respondent = services::to_json(q.respondent, today);
    return {{"respondent",
             {{"role", respondent["role"]},
              {"role_label", respondent["role_label"]},
              {"name", respondent["name"]},
              {"department", respondent["department"]},
              {"status", respondent["status"]}}},
            {"company_name", q.company_name},
            {"round_name", q.round.name},
            {"round_open", q.round.status == "open"},
            {"instrument", services::to_json(*q.instrument)},
            {"answers", services::to_json(q.answers)},
            {"result",
             q.result ? services::result_json(*q.instrument, *q.result) : nlohmann::json(nullptr)}};
}

}  // namespace

std::vector<Route> answer_routes(services::Services& s) {
    auto& sheets = s.diagnosis.answer_sheets;
    return {
        {Method::get, "/api/v1/answer/{token}", Access::public_route,
         [&s, &sheets](ApiCall& call) {
             return ApiResponse{
                 200, answer_sheet_json(sheets.open(token_of(call)), services::today(s.env)), {}};
         }},
        {Method::put, "/api/v1/answer/{token}/items/{item_no}", Access::public_route,
         [&sheets](ApiCall& call) {
             auto item_no = call.path_id("item_no");
             BodyReader in(call.body);
             auto choice = in.required_text("choice");
             in.finish();
             if (item_no > std::numeric_limits<int>::max()) core::throw_not_found("診断項目");
             int answered = sheets.save_answer(token_of(call), static_cast<int>(item_no), choice);
             return ApiResponse{200, nlohmann::json{{"answered_count", answered}}, {}};
         }},
        {Method::post, "/api/v1/answer/{token}/submit", Access::public_route,
         [&sheets](ApiCall& call) {
             auto token = token_of(call);
             auto score = sheets.submit(token, call.ctx.request_id);
             auto q = sheets.open(token);
             return ApiResponse{
                 200, nlohmann::json{{"result", services::result_json(*q.instrument, score)}}, {}};
         }},
    };
}

}  // namespace shido::http
