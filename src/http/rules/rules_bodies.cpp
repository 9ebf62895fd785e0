#include "http/rules/rules_bodies.hpp"

#include <charconv>
#include <initializer_list>
#include <limits>
#include <string>

#include "core/error.hpp"
#include "http/json_input.hpp"

namespace shido::http {

namespace {

// Every field of the body must be one the route reads; the first unknown one is reported.
void rules_refuse_unknown(BodyReader& errors, const nlohmann::json& body,
                          std::initializer_list<const char*> known) {
    if (body.is_null()) return;
    if (!body.is_object()) return errors.fail("body", "オブジェクト（{…}）で指定してください。");
    for (const auto& [key, value] : body.items()) {
        bool ok = false;
        for (const char* k : known) ok = ok || key == k;
        if (!ok) errors.fail(key, "この項目は受け付けていません。");
    }
}

std::optional<int> rules_int_of(BodyReader& errors, const char* key) {
    auto value = errors.integer(key);
    if (!value) return std::nullopt;
    if (*value < 0 || *value > std::numeric_limits<int>::max()) {
        errors.fail(key, "0 以上の整数で指定してください。");
        return std::nullopt;
    }
    return static_cast<int>(*value);
}

}  // namespace

int category_no_of(const ApiCall& call) {
    auto no = call.path_id("no");
    if (no > std::numeric_limits<int>::max()) core::throw_not_found("関連規程の区分");
    return static_cast<int>(no);
}

std::pair<core::rules::RowInput, std::optional<int>> rules_row_of(const nlohmann::json& body) {
    BodyReader errors(body);
    rules_refuse_unknown(errors, body,
                         {"result", "content", "assignee", "due_date", "upkeep", "version"});
    core::rules::RowInput in;
    std::optional<int> version;
    if (body.is_object()) {
        if (auto result = errors.nullable_text("result")) in.result = *result;
        in.content = errors.text("content").value_or("");
        in.assignee = errors.text("assignee").value_or("");
        if (auto due = errors.nullable_text("due_date")) in.due_date = *due;
        in.upkeep = errors.text("upkeep").value_or("");
        version = rules_int_of(errors, "version");
    }
    errors.finish();
    if (in.due_date && in.due_date->empty()) in.due_date.reset();
    if (in.result && in.result->empty()) in.result.reset();
    return {std::move(in), version};
}

std::optional<int> rules_version_of(const nlohmann::json& body) {
    BodyReader errors(body);
    rules_refuse_unknown(errors, body, {"version"});
    std::optional<int> version;
    if (body.is_object()) version = rules_int_of(errors, "version");
    errors.finish();
    return version;
}

}  // namespace shido::http
