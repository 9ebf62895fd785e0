// 【様式1】ヒアリングシート: the working copy (assigned expert and owner), per-item autosave,
// items added for the engagement, the review of unclear answers, submission to the
// secretariat, and the exports of either copy.
#include <initializer_list>
#include <limits>

#include "exports/hearing/hearing_exports.hpp"
#include "http/api_routes.hpp"
#include "http/diagnosis/diagnosis_bodies.hpp"
#include "http/json_input.hpp"
#include "services/hearing/hearing_views.hpp"

namespace shido::http {

namespace {

std::optional<int> hearing_small_int(std::optional<long long> v) {
    if (!v || *v < 0 || *v > std::numeric_limits<int>::max()) return std::nullopt;
    return static_cast<int>(*v);
}

// Strict bodies: a field the route does not know is an error, not silently dropped.
void hearing_known_fields(BodyReader& r, const nlohmann::json& body,
                          std::initializer_list<const char*> known) {
    for (const auto& [key, value] : body.items()) {
        bool ok = false;
        for (const char* k : known) ok = ok || key == k;
        if (!ok) r.fail(key, "この項目は受け付けていません。");
    }
}

// {preparation?, result?, unclear?, version}: absent fields are kept.
services::HearingItemInput hearing_item_input_of(const nlohmann::json& body) {
    services::HearingItemInput in;
    BodyReader r(body);
    hearing_known_fields(r, body, {"preparation", "result", "unclear", "version"});
    in.preparation = r.text("preparation");
    in.result = r.text("result");
    in.version = hearing_small_int(r.integer("version"));
    if (body.is_object() && body.contains("unclear")) {
        if (body["unclear"].is_boolean())
            in.unclear = body["unclear"].get<bool>();
        else
            r.fail("unclear", "true か false で指定してください。");
    }
    r.finish();
    return in;
}

std::string hearing_key_of(const ApiCall& call) {
    return call.path.at("item_key");
}

std::optional<int> hearing_version_query(const ApiCall& call) {
    auto id = call.query_id("version");
    return id ? hearing_small_int(*id) : std::nullopt;
}

std::string hearing_file_name(const core::hearing::HearingDocument& d, const char* extension) {
    return safe_file_part("ヒアリングシート_" + d.company_name +
                          (d.submitted_copy ? "_提出版" : "")) +
           extension;
}

constexpr const char* hearing_xlsx_type =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace

std::vector<Route> hearing_routes(services::Services& s) {
    using core::Anchor;
    using core::EngagementAction;
    auto& hearing = s.hearing;
    const std::string base = "/api/v1/engagements/{id}/hearing";
    const std::string item = base + "/items/{item_key}";
    return {
        {Method::get, base, on(Anchor::engagement, EngagementAction::view_records),
         [&hearing](ApiCall& call) {
             return ApiResponse{200, services::to_json(hearing.get(call.ctx, call.engagement()))};
         }},
        {Method::patch, item, on(Anchor::engagement, EngagementAction::write_records),
         [&hearing](ApiCall& call) {
             auto saved = hearing.save_item(call.ctx, call.engagement(), hearing_key_of(call),
                                            hearing_item_input_of(call.body));
             return ApiResponse{200, services::to_json(saved, true)};
         }},
        {Method::del, item, on(Anchor::engagement, EngagementAction::write_records),
         [&hearing](ApiCall& call) {
             hearing.delete_item(call.ctx, call.engagement(), hearing_key_of(call),
                                 hearing_version_query(call));
             return ApiResponse{200, nlohmann::json{{"deleted", hearing_key_of(call)}}};
         }},
        {Method::post, base + "/items", on(Anchor::engagement, EngagementAction::write_records),
         [&hearing](ApiCall& call) {
             BodyReader r(call.body);
             hearing_known_fields(r, call.body, {"section_no", "label"});
             auto section = hearing_small_int(r.integer("section_no"));
             auto label = r.text("label").value_or("");
             r.finish();
             auto added = hearing.add_item(call.ctx, call.engagement(), section, label);
             return ApiResponse{201, services::to_json(added, true)};
         }},
        {Method::get, base + "/unclear", on(Anchor::engagement, EngagementAction::view_records),
         [&hearing](ApiCall& call) {
             return ApiResponse{200, services::to_json(hearing.unclear(call.engagement()))};
         }},
        {Method::post, item + "/resolve", on(Anchor::engagement, EngagementAction::write_records),
         [&hearing](ApiCall& call) {
             BodyReader r(call.body);
             hearing_known_fields(r, call.body, {"note", "version"});
             auto note = r.text("note").value_or("");
             auto version = hearing_small_int(r.integer("version"));
             r.finish();
             auto resolved =
                 hearing.resolve(call.ctx, call.engagement(), hearing_key_of(call), note, version);
             return ApiResponse{200, services::to_json(resolved, true)};
         }},
        {Method::post, base + "/submit", on(Anchor::engagement, EngagementAction::submit_documents),
         [&hearing](ApiCall& call) {
             if (!call.body.is_null()) {
                 BodyReader r(call.body);
                 hearing_known_fields(r, call.body, {});
                 r.finish();
             }
             return ApiResponse{200,
                                services::to_json(hearing.submit(call.ctx, call.engagement()))};
         }},
        {Method::get, base + "/submitted",
         on(Anchor::engagement, EngagementAction::view_submitted_documents),
         [&hearing](ApiCall& call) {
             return ApiResponse{200, services::to_json(hearing.submitted(call.engagement()))};
         }},
        heavy({Method::get, base + ".xlsx", on(Anchor::engagement, EngagementAction::view_records),
               [&hearing](ApiCall& call) {
                   auto d = hearing.document(call.engagement());
                   return file_response(exports::write_hearing_xlsx(d), hearing_xlsx_type,
                                        hearing_file_name(d, ".xlsx"));
               }}),
        heavy({Method::get, base + ".pdf", on(Anchor::engagement, EngagementAction::view_records),
               [&hearing](ApiCall& call) {
                   auto d = hearing.document(call.engagement());
                   return file_response(exports::render_hearing_pdf(d), "application/pdf",
                                        hearing_file_name(d, ".pdf"));
               }}),
        heavy({Method::get, base + "/submitted.xlsx",
               on(Anchor::engagement, EngagementAction::view_submitted_documents),
               [&hearing](ApiCall& call) {
                   auto d = hearing.submitted_document(call.engagement());
                   return file_response(exports::write_hearing_xlsx(d), hearing_xlsx_type,
                                        hearing_file_name(d, ".xlsx"));
               }}),
        heavy({Method::get, base + "/submitted.pdf",
               on(Anchor::engagement, EngagementAction::view_submitted_documents),
               [&hearing](ApiCall& call) {
                   auto d = hearing.submitted_document(call.engagement());
                   return file_response(exports::render_hearing_pdf(d), "application/pdf",
                                        hearing_file_name(d, ".pdf"));
               }}),
    };
}

}  // namespace shido::http
