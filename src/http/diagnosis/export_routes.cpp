// 自社診断, the documents: 「自社診断結果のまとめ」 (.xlsx), 「自社診断結果報告」 (PDF) and the
// invitation sheet with QR codes (PDF).
#include "exports/diagnosis/invitation_pdf.hpp"
#include "exports/diagnosis/report_pdf.hpp"
#include "exports/diagnosis/summary_xlsx.hpp"
#include "http/api_routes.hpp"
#include "http/diagnosis/diagnosis_bodies.hpp"

namespace shido::http {

std::vector<Route> diagnosis_export_routes(services::Services& s) {
    using core::Anchor;
    using core::EngagementAction;
    auto& analysis = s.diagnosis.analysis;
    auto& invitations = s.diagnosis.invitations;
    const auto on_round = on(Anchor::diagnosis_round, EngagementAction::manage_diagnosis);
    return {
        heavy({Method::get, "/api/v1/diagnosis/rounds/{id}/summary.xlsx", on_round,
               [&analysis](ApiCall& call) {
                   auto report = analysis.report(call.engagement());
                   return file_response(
                       exports::write_summary_xlsx(report),
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       export_name(report, "自社診断結果のまとめ", ".xlsx"));
               }}),
        heavy({Method::get, "/api/v1/diagnosis/rounds/{id}/report.pdf", on_round,
               [&analysis](ApiCall& call) {
                   auto report = analysis.report(call.engagement());
                   return file_response(exports::render_report_pdf(report), "application/pdf",
                                        export_name(report, "自社診断結果報告", ".pdf"));
               }}),
        heavy({Method::post, "/api/v1/diagnosis/rounds/{id}/invitation-sheet.pdf", on_round,
               [&invitations](ApiCall& call) {
                   auto sheet = invitations.invitation_sheet(call.engagement(), links_of(call.body),
                                                             call.base_url);
                   return file_response(
                       exports::render_invitation_pdf(sheet), "application/pdf",
                       safe_file_part(sheet.company_name + "_自社診断_招待状_" + sheet.round_name) +
                           ".pdf");
               }}),
    };
}

}  // namespace shido::http
