// 【様式2】関連規程類の点検結果シート: the working sheet (company and expert), its rows, the .xlsx
// people edit in Excel and send back, and the submission the secretariat reads.
#include "core/error.hpp"
#include "exports/office/xlsx_reader.hpp"
#include "exports/rules/rules_xlsx.hpp"
#include "http/api_routes.hpp"
#include "http/diagnosis/diagnosis_bodies.hpp"
#include "http/rules/rules_bodies.hpp"
#include "services/rules/rules_views.hpp"

namespace shido::http {

std::vector<Route> rules_check_routes(services::Services& s) {
    using core::Anchor;
    using core::EngagementAction;
    auto& rules = s.rules_check;
    const std::string base = "/api/v1/engagements/{id}/rules-check";
    return {
        {Method::get, base, on(Anchor::engagement, EngagementAction::view_documents),
         [&rules](ApiCall& call) {
             return ApiResponse{200, services::to_json(rules.get(call.engagement()))};
         }},
        {Method::put, base + "/rows/{no}", on(Anchor::engagement, EngagementAction::edit_documents),
         [&rules](ApiCall& call) {
             auto [row, version] = rules_row_of(call.body);
             auto view =
                 rules.save_row(call.ctx, call.engagement(), category_no_of(call), row, version);
             return ApiResponse{200, services::to_json(view)};
         }},
        heavy({Method::post, base + "/import",
               on(Anchor::engagement, EngagementAction::edit_documents),
               [&rules](ApiCall& call) {
                   auto version = call.query_version();
                   if (call.raw_body.empty())
                       throw core::DomainError(
                           core::ErrorCode::validation,
                           "ファイルが空です。様式2の .xlsx ファイルを選んでください。");
                   auto cells = exports::office::read_xlsx_cells(call.raw_body);
                   auto view = rules.import(call.ctx, call.engagement(), cells, version);
                   return ApiResponse{200, services::to_json(view)};
               },
               BodyType::xlsx}),
        {Method::post, base + "/submit", on(Anchor::engagement, EngagementAction::submit_documents),
         [&rules](ApiCall& call) {
             auto view = rules.submit(call.ctx, call.engagement(), rules_version_of(call.body));
             return ApiResponse{200, services::to_json(view)};
         }},
        {Method::get, base + "/submitted",
         on(Anchor::engagement, EngagementAction::view_submitted_documents),
         [&rules](ApiCall& call) {
             return ApiResponse{200, rules.submitted(call.engagement())};
         }},
        heavy({Method::get, base + ".xlsx",
               on(Anchor::engagement, EngagementAction::view_documents),
               [&rules](ApiCall& call) {
                   auto document = rules.document(call.engagement());
                   return file_response(
                       exports::write_rules_xlsx(document),
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       safe_file_part(document.company_name + "_関連規程類の点検結果") + ".xlsx");
               }}),
    };
}

}  // namespace shido::http
