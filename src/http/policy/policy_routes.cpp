// 情報セキュリティ基本方針: the versions, the draft from the sample, the check of a pasted
// policy, the comparison of two versions, approval, submission, and the three exports.
#include <limits>

#include "core/error.hpp"
#include "core/validation.hpp"
#include "exports/office/docx_reader.hpp"
#include "exports/policy/policy_exports.hpp"
#include "http/api_routes.hpp"
#include "http/diagnosis/diagnosis_bodies.hpp"
#include "http/policy/policy_bodies.hpp"
#include "services/policy/policy_views.hpp"

namespace shido::http {

namespace {

int policy_number_of(const ApiCall& call) {
    auto no = call.path_id("no");
    if (no > std::numeric_limits<int>::max()) core::throw_not_found("基本方針の版");
    return static_cast<int>(no);
}

// ?from=&to= of a comparison: both required version numbers.
std::pair<int, int> policy_compared_of(const ApiCall& call) {
    core::Validator v;
    auto from = call.query_id("from"), to = call.query_id("to");
    if (!from) v.fail("from", "比べる版（from）を指定してください。");
    if (!to) v.fail("to", "比べる版（to）を指定してください。");
    v.throw_if_failed();
    auto narrow = [](core::Id id) {
        if (id > std::numeric_limits<int>::max()) core::throw_not_found("基本方針の版");
        return static_cast<int>(id);
    };
    return {narrow(*from), narrow(*to)};
}

std::string policy_file_name(const core::policy::PolicyPrint& p, const char* extension) {
    return safe_file_part(p.company_name + "_" + p.title + "_第" +
                          std::to_string(p.version_number) + "版") +
           extension;
}

using PolicyRender = std::string (*)(const core::policy::PolicyPrint&);

struct PolicyFormat {
    const char* path;  // after /versions/{no}
    const char* type;
    const char* extension;
    PolicyRender render;
};

constexpr PolicyFormat policy_formats[] = {
    {"/policy.pdf", "application/pdf", ".pdf", exports::render_policy_pdf},
    {"/policy.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
     ".docx", exports::render_policy_docx},
    {"/policy.html", "text/html; charset=utf-8", ".html", exports::render_policy_html},
};

constexpr const char* policy_public_page_csp =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'";

}  // namespace

std::vector<Route> policy_routes(services::Services& s) {
    using core::Anchor;
    using core::EngagementAction;
    auto& policy = s.policy;
    const std::string base = "/api/v1/engagements/{id}/policy";
    std::vector<Route> routes{
        {Method::get, base, on(Anchor::engagement, EngagementAction::view_documents),
         [&policy](ApiCall& call) {
             return ApiResponse{200, services::to_json(policy.get(call.engagement()))};
         }},
        {Method::get, base + "/draft", on(Anchor::engagement, EngagementAction::edit_documents),
         [&policy](ApiCall& call) {
             bool from_sample = call.query_param("from").value_or("") == "sample";
             return ApiResponse{200,
                                services::to_json(policy.draft(call.engagement(), from_sample))};
         }},
        {Method::post, base + "/coverage", on(Anchor::engagement, EngagementAction::edit_documents),
         [&policy](ApiCall& call) {
             auto text = policy_pasted_text_of(call.body);
             return ApiResponse{
                 200, services::policy_coverage_json(policy.coverage(call.engagement(), text))};
         }},
        // The same for a policy kept as a Word file: its text is read (and returned, for the
        // paste box) and checked; nothing stored.
        heavy({Method::post, base + "/coverage/docx",
               on(Anchor::engagement, EngagementAction::edit_documents),
               [&policy](ApiCall& call) {
                   if (call.raw_body.empty())
                       throw core::DomainError(core::ErrorCode::validation,
                                               "ファイルが空です。基本方針の Word ファイル "
                                               "(.docx) を選んでください。");
                   auto text = exports::office::read_docx_text(call.raw_body);
                   auto checked =
                       services::policy_coverage_json(policy.coverage(call.engagement(), text));
                   checked["text"] = text;
                   return ApiResponse{200, checked};
               },
               BodyType::docx}),
        {Method::get, base + "/diff", on(Anchor::engagement, EngagementAction::view_documents),
         [&policy](ApiCall& call) {
             auto [from, to] = policy_compared_of(call);
             return ApiResponse{200, services::policy_diff_json(
                                         from, to, policy.compare(call.engagement(), from, to))};
         }},
        {Method::post, base + "/versions", on(Anchor::engagement, EngagementAction::edit_documents),
         [&policy](ApiCall& call) {
             auto input = policy_save_input_of(call.body);
             return ApiResponse{201,
                                services::to_json(policy.save(call.ctx, call.engagement(), input))};
         }},
        {Method::get, base + "/versions/{no}",
         on(Anchor::engagement, EngagementAction::view_documents),
         [&policy](ApiCall& call) {
             return ApiResponse{
                 200, services::to_json(policy.version(call.engagement(), policy_number_of(call)))};
         }},
        {Method::put, base + "/versions/{no}",
         on(Anchor::engagement, EngagementAction::edit_documents),
         [&policy](ApiCall& call) {
             auto [note, version] = policy_note_input_of(call.body);
             return ApiResponse{
                 200, services::to_json(policy.set_note(call.ctx, call.engagement(),
                                                        policy_number_of(call), note, version))};
         }},
        {Method::post, base + "/versions/{no}/approve",
         on(Anchor::engagement, EngagementAction::approve_documents),
         [&policy](ApiCall& call) {
             auto version = policy_version_input_of(call.body);
             return ApiResponse{200,
                                services::to_json(policy.approve(call.ctx, call.engagement(),
                                                                 policy_number_of(call), version))};
         }},
        {Method::post, base + "/submit", on(Anchor::engagement, EngagementAction::submit_documents),
         [&policy](ApiCall& call) {
             auto version = policy_version_input_of(call.body);
             return ApiResponse{
                 200, services::to_json(policy.submit(call.ctx, call.engagement(), version))};
         }},
        {Method::get, base + "/submitted",
         on(Anchor::engagement, EngagementAction::view_submitted_documents),
         [&policy](ApiCall& call) {
             return ApiResponse{200, services::to_json(policy.submitted(call.engagement()))};
         }},
        heavy({Method::get, base + "/submitted/policy.pdf",
               on(Anchor::engagement, EngagementAction::view_submitted_documents),
               [&policy](ApiCall& call) {
                   auto print = policy.print(policy.submitted(call.engagement()).version);
                   return file_response(exports::render_policy_pdf(print), "application/pdf",
                                        policy_file_name(print, ".pdf"));
               }}),
        {Method::post, base + "/publish",
         on(Anchor::engagement, EngagementAction::approve_documents),
         [&policy](ApiCall& call) {
             auto version = policy_version_input_of(call.body);
             auto token = policy.publish(call.ctx, call.engagement(), version);
             nlohmann::json body{{"url", call.base_url + "/api/v1/public/policies/" + token}};
             return ApiResponse{200, body};
         }},
        {Method::post, base + "/unpublish",
         on(Anchor::engagement, EngagementAction::approve_documents),
         [&policy](ApiCall& call) {
             auto version = policy_version_input_of(call.body);
             return ApiResponse{
                 200, services::to_json(policy.unpublish(call.ctx, call.engagement(), version))};
         }},
        // The company's published policy: shown in the browser (not a download), nothing but
        // the page's own inline style allowed.
        heavy({Method::get, "/api/v1/public/policies/{token}", Access::public_route,
               [&policy](ApiCall& call) {
                   ApiResponse response;
                   response.file =
                       exports::render_policy_html(policy.public_page(call.path.at("token")));
                   response.file_type = "text/html; charset=utf-8";
                   response.headers.emplace_back("Content-Security-Policy", policy_public_page_csp);
                   return response;
               }}),
    };
    for (const auto& format : policy_formats) {
        routes.push_back(heavy({Method::get, base + "/versions/{no}" + format.path,
                                on(Anchor::engagement, EngagementAction::view_documents),
                                [&policy, format](ApiCall& call) {
                                    auto print = policy.print(
                                        policy.version(call.engagement(), policy_number_of(call)));
                                    return file_response(format.render(print), format.type,
                                                         policy_file_name(print, format.extension));
                                }}));
    }
    return routes;
}

}  // namespace shido::http
