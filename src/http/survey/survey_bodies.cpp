#include "http/survey/survey_bodies.hpp"

#include <functional>
#include <initializer_list>
#include <limits>
#include <string>

#include "http/json_input.hpp"

namespace shido::http {

namespace {

void survey_refuse_unknown(BodyReader& errors, const nlohmann::json& body,
                           std::initializer_list<const char*> known) {
    if (body.is_null()) return;
    if (!body.is_object()) return errors.fail("body", "オブジェクト（{…}）で指定してください。");
    for (const auto& [key, value] : body.items()) {
        bool ok = false;
        for (const char* k : known) ok = ok || key == k;
        if (!ok) errors.fail(key, "この項目は受け付けていません。");
    }
}

std::optional<int> survey_int_of(BodyReader& errors, const char* key) {
    auto value = errors.integer(key);
    if (!value) return std::nullopt;
    if (*value < 0 || *value > std::numeric_limits<int>::max()) {
        errors.fail(key, "0 以上の整数で指定してください。");
        return std::nullopt;
    }
    return static_cast<int>(*value);
}

// An object of texts (a comment per question, a choice per item: null allowed for ratings).
void survey_text_map(
    BodyReader& errors, const nlohmann::json& body, const char* key, bool nulls_allowed,
    const std::function<void(const std::string&, std::optional<std::string>)>& put) {
    if (!body.contains(key) || body[key].is_null()) return;
    const auto& map = body[key];
    if (!map.is_object()) return errors.fail(key, "オブジェクト（{…}）で指定してください。");
    for (const auto& [name, value] : map.items()) {
        if (value.is_string()) {
            put(name, std::optional<std::string>(value.get<std::string>()));
        } else if (value.is_null() && nulls_allowed) {
            put(name, std::optional<std::string>());
        } else {
            errors.fail(std::string(key) + "." + name, "文字列で指定してください。");
        }
    }
}

}  // namespace

std::pair<services::SurveyInput, std::optional<int>> survey_input_of(const nlohmann::json& body) {
    BodyReader errors(body);
    survey_refuse_unknown(errors, body, {"ratings", "comments", "version"});
    services::SurveyInput in;
    std::optional<int> version;
    if (body.is_object()) {
        survey_text_map(errors, body, "ratings", true,
                        [&in](const std::string& k, std::optional<std::string> v) {
                            in.ratings[k] = std::move(v);
                        });
        survey_text_map(errors, body, "comments", false,
                        [&in](const std::string& k, std::optional<std::string> v) {
                            in.comments[k] = v.value_or("");
                        });
        version = survey_int_of(errors, "version");
    }
    errors.finish();
    return {std::move(in), version};
}

std::optional<int> survey_version_of(const nlohmann::json& body) {
    BodyReader errors(body);
    survey_refuse_unknown(errors, body, {"version"});
    std::optional<int> version;
    if (body.is_object()) version = survey_int_of(errors, "version");
    errors.finish();
    return version;
}

}  // namespace shido::http
