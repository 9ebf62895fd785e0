#include "http/diagnosis/diagnosis_bodies.hpp"

#include <limits>

#include "core/error.hpp"
#include "http/json_input.hpp"

namespace shido::http {

namespace dx = core::diagnosis;

namespace {

template <typename Enum>
std::optional<Enum> rating(BodyReader& in, const char* key,
                           std::optional<Enum> (*parse)(std::string_view), const char* message) {
    auto text = in.text(key);
    if (!text || text->empty()) return std::nullopt;
    auto value = parse(*text);
    if (!value) in.fail(key, message);
    return value;
}

}  // namespace

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

}  // namespace shido::http
