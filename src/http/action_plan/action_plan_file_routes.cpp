// 【様式3】 as files: the workbook people edit in Excel and send back (with a preview of what
// the import would change first), and the PDF.
#include "core/error.hpp"
#include "exports/action_plan/action_plan_exports.hpp"
#include "exports/office/xlsx_reader.hpp"
#include "http/api_routes.hpp"
#include "http/diagnosis/diagnosis_bodies.hpp"
#include "services/action_plan/action_plan_sheet_views.hpp"
#include "services/action_plan/action_plan_views.hpp"

namespace shido::http {

namespace {

core::office::SheetCells plan_workbook_of(const ApiCall& call) {
    if (call.raw_body.empty())
        throw core::DomainError(core::ErrorCode::validation,
                                "ファイルが空です。様式3の .xlsx ファイルを選んでください。");
    return exports::office::read_xlsx_cells(call.raw_body);
}

std::string plan_file_name(const core::action_plan::PlanDocument& d, const char* extension) {
    return safe_file_part(d.company_name + "_対策実行計画書") + extension;
}

}  // namespace

std::vector<Route> action_plan_file_routes(services::Services& s) {
    using core::Anchor;
    using core::EngagementAction;
    auto& sheets = s.action_plan_sheets;
    const std::string base = "/api/v1/engagements/{id}/action-plan";
    return {
        heavy({Method::get, base + ".xlsx",
               on(Anchor::engagement, EngagementAction::view_documents),
               [&sheets](ApiCall& call) {
                   auto d = sheets.document(call.engagement());
                   return file_response(
                       exports::write_action_plan_xlsx(d),
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       plan_file_name(d, ".xlsx"));
               }}),
        heavy({Method::get, base + ".pdf", on(Anchor::engagement, EngagementAction::view_documents),
               [&sheets](ApiCall& call) {
                   auto d = sheets.document(call.engagement());
                   return file_response(exports::render_action_plan_pdf(d), "application/pdf",
                                        plan_file_name(d, ".pdf"));
               }}),
        heavy({Method::post, base + "/import/preview",
               on(Anchor::engagement, EngagementAction::edit_documents),
               [&sheets](ApiCall& call) {
                   auto preview = sheets.preview_import(call.engagement(), plan_workbook_of(call));
                   return ApiResponse{200, services::to_json(preview)};
               },
               BodyType::xlsx}),
        heavy({Method::post, base + "/import",
               on(Anchor::engagement, EngagementAction::edit_documents),
               [&sheets](ApiCall& call) {
                   auto version = call.query_version();
                   auto view =
                       sheets.import(call.ctx, call.engagement(), plan_workbook_of(call), version);
                   return ApiResponse{200, services::to_json(view)};
               },
               BodyType::xlsx}),
    };
}

}  // namespace shido::http
