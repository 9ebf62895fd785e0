// 自社診断, staff side: rounds, invitations, paper and CSV input, analysis, findings, exports.
#include <limits>

#include "core/error.hpp"
#include "exports/diagnosis/invitation_pdf.hpp"
#include "exports/diagnosis/report_pdf.hpp"
#include "exports/diagnosis/summary_xlsx.hpp"
#include "http/api_routes.hpp"
#include "http/json_input.hpp"
#include "services/diagnosis/diagnosis_views.hpp"

namespace shido::http {

namespace {

namespace dx = core::diagnosis;

nlohmann::json rounds_json(const std::vector<storage::RoundRow>& rounds) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : rounds) items.push_back(services::to_json(r));
    return {{"items", items}};
}

nlohmann::json link_json(const services::IssuedLink& link, const std::string& base_url,
                         const std::string& today) {
    return {{"respondent", services::to_json(link.respondent, today)},
            {"token", link.token},
            {"url", services::answer_url(base_url, link.token)}};
}

services::Invite invite_of(const nlohmann::json& body) {
    BodyReader in(body);
    services::Invite invite;
    invite.role = in.required_text("role");
    invite.name = in.text("name").value_or("");
    invite.department = in.text("department").value_or("");
    if (auto count = in.integer("count")) {
        if (*count < 1 || *count > 100)
            in.fail("count", "1から100の範囲で指定してください。");
        else
            invite.count = static_cast<int>(*count);
    }
    if (auto expires = in.text("expires_at"); expires && !expires->empty())
        invite.expires_on = expires;
    in.finish();
    return invite;
}

services::PaperSheet paper_of(const nlohmann::json& body) {
    BodyReader in(body);
    services::PaperSheet sheet;
    sheet.role = in.required_text("role");
    sheet.name = in.text("name").value_or("");
    sheet.department = in.text("department").value_or("");
    if (!body.contains("answers") || !body.at("answers").is_object()) {
        in.fail("answers", "回答は {\"1\":\"done\", …} の形で指定してください。");
    } else {
        for (const auto& [key, value] : body.at("answers").items()) {
            if (value.is_string())
                sheet.answers[key] = value.get<std::string>();
            else
                in.fail("answers." + key, "選択肢のキーを文字列で指定してください。");
        }
    }
    in.finish();
    return sheet;
}

template <typename Enum>
std::optional<Enum> rating(BodyReader& in, const char* key,
                           std::optional<Enum> (*parse)(std::string_view), const char* message) {
    auto text = in.text(key);
    if (!text || text->empty()) return std::nullopt;
    auto value = parse(*text);
    if (!value) in.fail(key, message);
    return value;
}

dx::Finding finding_of(const nlohmann::json& body, int item_no) {
    BodyReader in(body);
    dx::Finding f;
    f.item_no = item_no;
    f.notes = in.text("notes").value_or("");
    f.finding = in.text("finding").value_or("");
    f.urgency =
        rating<dx::Level>(in, "urgency", dx::parse_level, "緊急度は 高・中・低 のいずれかです。");
    f.importance = rating<dx::Level>(in, "importance", dx::parse_level,
                                     "重要度は 高・中・低 のいずれかです。");
    f.difficulty = rating<dx::Difficulty>(in, "difficulty", dx::parse_difficulty,
                                          "難易度は 易・中・難 のいずれかです。");
    if (body.contains("key_area") && !body.at("key_area").is_boolean())
        in.fail("key_area", "true か false で指定してください。");
    else if (body.contains("key_area"))
        f.key_area = body.at("key_area").get<bool>();
    in.finish();
    return f;
}

std::vector<std::pair<core::Id, std::string>> links_of(const nlohmann::json& body) {
    BodyReader in(body);
    std::vector<std::pair<core::Id, std::string>> links;
    const auto* list = in.array("links");
    if (list) {
        for (const auto& link : *list) {
            if (!link.is_object() || !link.contains("respondent_id") ||
                !link.at("respondent_id").is_number_integer() || !link.contains("token") ||
                !link.at("token").is_string()) {
                in.fail("links",
                        "各リンクは {\"respondent_id\":…, \"token\":\"…\"} で指定してください。");
                continue;
            }
            links.emplace_back(link.at("respondent_id").get<core::Id>(),
                               link.at("token").get<std::string>());
        }
    }
    in.finish();
    return links;
}

int item_no_of(const ApiCall& call) {
    auto id = call.path_id("item_no");
    if (id > std::numeric_limits<int>::max()) core::throw_not_found("診断項目");
    return static_cast<int>(id);
}

std::string safe_file_part(std::string text) {
    for (char& ch : text)
        if (ch == '/' || ch == '\\' || ch == '"' || static_cast<unsigned char>(ch) < 0x20) ch = '_';
    return text;
}

std::string export_name(const dx::DiagnosisReport& report, const char* title,
                        const char* extension) {
    return safe_file_part(report.company_name + "_" + title + "_" + report.round_name + "_" +
                          report.generated_on) +
           extension;
}

}  // namespace

std::vector<Route> diagnosis_routes(services::Services& s) {
    auto& d = s.diagnosis;
    return {
        {Method::get, "/api/v1/engagements/{id}/diagnosis/rounds", Access::authenticated,
         [&d](ApiCall& call) {
             return ApiResponse{200, rounds_json(d.list_rounds(call.ctx, call.path_id())), {}};
         }},
        {Method::post, "/api/v1/engagements/{id}/diagnosis/rounds", Access::authenticated,
         [&d](ApiCall& call) {
             BodyReader in(call.body);
             auto name = in.required_text("name");
             in.finish();
             return ApiResponse{
                 201, services::to_json(d.open_round(call.ctx, call.path_id(), name)), {}};
         }},
        {Method::get, "/api/v1/engagements/{id}/diagnosis/compare", Access::authenticated,
         [&d](ApiCall& call) {
             auto from = call.query_id("from"), to = call.query_id("to");
             if (!from || !to)
                 throw core::DomainError(core::ErrorCode::validation,
                                         "比較する2つの回を指定してください。",
                                         {{"from", "比較元の回を指定してください。"},
                                          {"to", "比較先の回を指定してください。"}});
             return ApiResponse{
                 200,
                 services::comparison_json(d.compare(call.ctx, call.path_id(), *from, *to)),
                 {}};
         }},
        {Method::get, "/api/v1/diagnosis/rounds/{id}", Access::authenticated,
         [&d](ApiCall& call) {
             auto detail = d.round(call.ctx, call.path_id());
             nlohmann::json respondents = nlohmann::json::array();
             for (const auto& r : detail.respondents)
                 respondents.push_back(services::to_json(r, d.today()));
             return ApiResponse{
                 200,
                 nlohmann::json{{"round", services::to_json(detail.round)},
                                {"instrument", services::to_json(*detail.instrument)},
                                {"respondents", respondents}},
                 {}};
         }},
        {Method::patch, "/api/v1/diagnosis/rounds/{id}", Access::authenticated,
         [&d](ApiCall& call) {
             BodyReader in(call.body);
             auto name = in.text("name");
             auto status = in.text("status");
             in.finish();
             return ApiResponse{
                 200,
                 services::to_json(d.update_round(call.ctx, call.path_id(), name, status)),
                 {}};
         }},
        {Method::post, "/api/v1/diagnosis/rounds/{id}/respondents", Access::authenticated,
         [&d](ApiCall& call) {
             nlohmann::json items = nlohmann::json::array();
             for (const auto& link : d.invite(call.ctx, call.path_id(), invite_of(call.body)))
                 items.push_back(link_json(link, call.base_url, d.today()));
             return ApiResponse{201, nlohmann::json{{"items", items}}, {}};
         }},
        {Method::post, "/api/v1/diagnosis/respondents/{id}/revoke", Access::authenticated,
         [&d](ApiCall& call) {
             return ApiResponse{
                 200, services::to_json(d.revoke(call.ctx, call.path_id()), d.today()), {}};
         }},
        {Method::post, "/api/v1/diagnosis/respondents/{id}/reissue", Access::authenticated,
         [&d](ApiCall& call) {
             return ApiResponse{
                 200, link_json(d.reissue(call.ctx, call.path_id()), call.base_url, d.today()), {}};
         }},
        {Method::post, "/api/v1/diagnosis/rounds/{id}/paper", Access::authenticated,
         [&d](ApiCall& call) {
             auto row = d.enter_paper(call.ctx, call.path_id(), paper_of(call.body));
             return ApiResponse{201, services::to_json(row, d.today()), {}};
         }},
        {Method::post, "/api/v1/diagnosis/rounds/{id}/import", Access::authenticated,
         [&d](ApiCall& call) {
             if (call.raw_body.empty())
                 throw core::DomainError(core::ErrorCode::validation, "CSVファイルが空です。");
             return ApiResponse{201,
                                nlohmann::json{{"imported", d.import_csv(call.ctx, call.path_id(),
                                                                         call.raw_body)}},
                                {}};
         },
         BodyType::csv},
        {Method::get, "/api/v1/diagnosis/rounds/{id}/analysis", Access::authenticated,
         [&d](ApiCall& call) {
             return ApiResponse{
                 200, services::analysis_json(d.analysis(call.ctx, call.path_id()), d.today()), {}};
         }},
        {Method::get, "/api/v1/diagnosis/rounds/{id}/findings", Access::authenticated,
         [&d](ApiCall& call) {
             auto findings = d.findings(call.ctx, call.path_id());
             nlohmann::json items = nlohmann::json::array(), priorities = nlohmann::json::array();
             for (const auto& f : findings) items.push_back(services::to_json(f));
             for (const auto& f : dx::prioritise(findings))
                 priorities.push_back(services::to_json(f));
             return ApiResponse{
                 200, nlohmann::json{{"items", items}, {"priorities", priorities}}, {}};
         }},
        {Method::put, "/api/v1/diagnosis/rounds/{id}/findings/{item_no}", Access::authenticated,
         [&d](ApiCall& call) {
             auto item_no = item_no_of(call);
             auto saved = d.save_finding(call.ctx, call.path_id(), finding_of(call.body, item_no));
             return ApiResponse{200, services::to_json(saved), {}};
         }},
        {Method::get, "/api/v1/diagnosis/rounds/{id}/summary.xlsx", Access::authenticated,
         [&d](ApiCall& call) {
             auto report = d.report(call.ctx, call.path_id());
             return file_response(
                 exports::write_summary_xlsx(report),
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 export_name(report, "自社診断結果のまとめ", ".xlsx"));
         }},
        {Method::get, "/api/v1/diagnosis/rounds/{id}/report.pdf", Access::authenticated,
         [&d](ApiCall& call) {
             auto report = d.report(call.ctx, call.path_id());
             return file_response(exports::render_report_pdf(report), "application/pdf",
                                  export_name(report, "自社診断結果報告", ".pdf"));
         }},
        {Method::post, "/api/v1/diagnosis/rounds/{id}/invitation-sheet.pdf", Access::authenticated,
         [&d](ApiCall& call) {
             auto sheet =
                 d.invitation_sheet(call.ctx, call.path_id(), links_of(call.body), call.base_url);
             return file_response(
                 exports::render_invitation_pdf(sheet), "application/pdf",
                 safe_file_part(sheet.company_name + "_自社診断_招待状_" + sheet.round_name) +
                     ".pdf");
         }},
    };
}

}  // namespace shido::http
