#include "http/json_input.hpp"

#include "core/error.hpp"
#include "core/text/utf8.hpp"

namespace shido::http {

nlohmann::json parse_json_body(std::string_view body) {
    if (body.empty()) return nullptr;
    if (!core::is_valid_utf8(body))
        throw core::DomainError(core::ErrorCode::bad_request,
                                "リクエストの本文に UTF-8 として正しくない文字があります。");
    auto parsed = nlohmann::json::parse(body, nullptr, false);
    if (parsed.is_discarded())
        throw core::DomainError(core::ErrorCode::bad_request,
                                "リクエストの本文が正しいJSONではありません。");
    return parsed;
}

BodyReader::BodyReader(const nlohmann::json& body) : body_(body) {
    if (!body_.is_object())
        throw core::DomainError(core::ErrorCode::bad_request,
                                "リクエストの本文はJSONオブジェクトで送ってください。");
}

void BodyReader::fail(const std::string& field, const std::string& message) {
    errors_.try_emplace(field, message);
}

std::optional<std::string> BodyReader::text(const char* key) {
    if (!body_.contains(key) || body_.at(key).is_null()) return std::nullopt;
    if (!body_.at(key).is_string()) {
        fail(key, "文字列で指定してください。");
        return std::nullopt;
    }
    return body_.at(key).get<std::string>();
}

std::string BodyReader::required_text(const char* key) {
    if (!body_.contains(key) || body_.at(key).is_null()) {
        fail(key, "入力してください。");
        return {};
    }
    return text(key).value_or("");
}

std::optional<long long> BodyReader::integer(const char* key) {
    if (!body_.contains(key) || body_.at(key).is_null()) return std::nullopt;
    if (!body_.at(key).is_number_integer()) {
        fail(key, "整数で指定してください。");
        return std::nullopt;
    }
    return body_.at(key).get<long long>();
}

std::optional<std::optional<long long>> BodyReader::nullable_integer(const char* key) {
    if (!body_.contains(key)) return std::nullopt;
    if (body_.at(key).is_null()) return std::optional<long long>{};
    auto value = integer(key);
    if (!value) return std::nullopt;
    return std::optional<long long>{*value};
}

std::optional<std::optional<std::string>> BodyReader::nullable_text(const char* key) {
    if (!body_.contains(key)) return std::nullopt;
    if (body_.at(key).is_null()) return std::optional<std::string>{};
    auto value = text(key);
    if (!value) return std::nullopt;
    return std::optional<std::string>{*value};
}

const nlohmann::json* BodyReader::array(const char* key) {
    if (!body_.contains(key) || body_.at(key).is_null()) return nullptr;
    if (!body_.at(key).is_array()) {
        fail(key, "配列で指定してください。");
        return nullptr;
    }
    return &body_.at(key);
}

void BodyReader::finish() const {
    if (errors_.empty()) return;
    throw core::DomainError(core::ErrorCode::validation, "入力内容に誤りがあります。", errors_);
}

}  // namespace shido::http
