// 最終報告書: the expert's working copy (drafted from the engagement), its refresh, submission,
// the secretariat's review (return with a comment, accept) and the PDF.
#include <limits>

#include "exports/final_report/final_report_pdf.hpp"
#include "http/api_routes.hpp"
#include "http/diagnosis/diagnosis_bodies.hpp"
#include "http/json_input.hpp"
#include "services/final_report/final_report_views.hpp"

namespace shido::http {

namespace {

namespace fr = core::final_report;

void final_report_refuse_unknown(BodyReader& errors, const nlohmann::json& body,
                                 std::initializer_list<const char*> known,
                                 const std::string& prefix) {
    if (!body.is_object())
        return errors.fail(prefix.empty() ? "body" : prefix,
                           "オブジェクト（{…}）で指定してください。");
    for (const auto& [key, value] : body.items()) {
        bool ok = false;
        for (const char* k : known) ok = ok || key == k;
        if (!ok) errors.fail(prefix + key, "この項目は受け付けていません。");
    }
}

std::optional<int> final_report_version_of(BodyReader& errors) {
    auto value = errors.integer("version");
    if (!value) return std::nullopt;
    if (*value < 0 || *value > std::numeric_limits<int>::max()) {
        errors.fail("version", "0 以上の整数で指定してください。");
        return std::nullopt;
    }
    return static_cast<int>(*value);
}

// {"version": n, "texts": {"overview": "…", …}}: absent sections are empty.
std::pair<fr::Body, std::optional<int>> final_report_input_of(const nlohmann::json& body) {
    BodyReader errors(body);
    fr::Body texts;
    std::optional<int> version;
    final_report_refuse_unknown(errors, body, {"version", "texts"}, "");
    if (body.is_object()) {
        version = final_report_version_of(errors);
        if (body.contains("texts")) {
            const auto& t = body.at("texts");
            final_report_refuse_unknown(
                errors, t,
                {"overview", "diagnosis", "policy", "rules", "plan", "support", "evaluation"},
                "texts.");
            if (t.is_object())
                for (auto s : fr::sections) {
                    auto key = std::string(fr::key_of(s));
                    if (!t.contains(key)) continue;
                    if (t.at(key).is_string())
                        texts.text(s) = t.at(key).get<std::string>();
                    else
                        errors.fail("texts." + key, "文字列で指定してください。");
                }
        }
    }
    errors.finish();
    return {texts, version};
}

std::pair<std::optional<int>, std::string> final_report_review_of(const nlohmann::json& body) {
    BodyReader errors(body);
    final_report_refuse_unknown(errors, body, {"version", "comment"}, "");
    auto version = final_report_version_of(errors);
    auto comment = errors.text("comment").value_or("");
    errors.finish();
    return {version, comment};
}

}  // namespace

std::vector<Route> final_report_routes(services::Services& s) {
    using core::Anchor;
    using core::EngagementAction;
    auto& reports = s.final_report;
    const std::string base = "/api/v1/engagements/{id}/final-report";
    auto review = [&reports](core::ReportEvent event) {
        return [&reports, event](ApiCall& call) {
            auto [version, comment] = final_report_review_of(call.body);
            auto view = reports.review(call.ctx, call.engagement(), event, comment, version);
            return ApiResponse{200, services::to_json(view)};
        };
    };
    return {
        {Method::get, base, on(Anchor::engagement, EngagementAction::view_reports),
         [&reports](ApiCall& call) {
             return ApiResponse{200, services::to_json(reports.get(call.ctx, call.engagement()))};
         }},
        {Method::put, base, on(Anchor::engagement, EngagementAction::write_records),
         [&reports](ApiCall& call) {
             auto [texts, version] = final_report_input_of(call.body);
             return ApiResponse{
                 200, services::to_json(reports.save(call.ctx, call.engagement(), texts, version))};
         }},
        {Method::post, base + "/refresh", on(Anchor::engagement, EngagementAction::write_records),
         [&reports](ApiCall& call) {
             auto [version, comment] = final_report_review_of(call.body);
             return ApiResponse{
                 200, services::to_json(reports.refresh(call.ctx, call.engagement(), version))};
         }},
        {Method::post, base + "/submit", on(Anchor::engagement, EngagementAction::write_records),
         [&reports](ApiCall& call) {
             auto [version, comment] = final_report_review_of(call.body);
             return ApiResponse{
                 200, services::to_json(reports.submit(call.ctx, call.engagement(), version))};
         }},
        {Method::post, base + "/return", on(Anchor::engagement, EngagementAction::review_reports),
         review(core::ReportEvent::return_to_expert)},
        {Method::post, base + "/accept", on(Anchor::engagement, EngagementAction::review_reports),
         review(core::ReportEvent::accept)},
        heavy({Method::get, base + "/pdf", on(Anchor::engagement, EngagementAction::view_reports),
               [&reports](ApiCall& call) {
                   auto document = reports.document(call.ctx, call.engagement());
                   return file_response(
                       exports::render_final_report_pdf(document), "application/pdf",
                       safe_file_part(document.company_name + "_" + document.title) + ".pdf");
               }}),
    };
}

}  // namespace shido::http
