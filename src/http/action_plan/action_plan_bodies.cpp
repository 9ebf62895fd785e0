#include "http/action_plan/action_plan_bodies.hpp"

#include <initializer_list>
#include <limits>
#include <string>

#include "core/error.hpp"
#include "core/validation.hpp"

namespace shido::http {

namespace {

namespace plan = core::action_plan;

bool plan_known(std::string_view key, std::initializer_list<const char*> known) {
    for (const char* k : known)
        if (key == k) return true;
    return false;
}

void plan_refuse_unknown(core::Validator& v, const nlohmann::json& object, const std::string& at,
                         std::initializer_list<const char*> known) {
    for (const auto& [key, value] : object.items())
        if (!plan_known(key, known)) v.fail(at + key, "この項目は受け付けていません。");
}

std::optional<int> plan_version_field(core::Validator& v, const nlohmann::json& body) {
    if (!body.contains("version")) return std::nullopt;
    const auto& value = body.at("version");
    if (!value.is_number_integer() || value.get<long long>() < 0 ||
        value.get<long long>() > std::numeric_limits<int>::max()) {
        v.fail("version", "0 以上の整数で指定してください。");
        return std::nullopt;
    }
    return value.get<int>();
}

// One row's JSON object → MeasureInput; wrong types fail at measures[i].<field>.
plan::MeasureInput plan_input_of(const nlohmann::json& row, std::size_t i, core::Validator& v) {
    plan::MeasureInput in;
    auto field = [i](const char* key) { return plan::measure_field(i, key); };
    if (!row.is_object()) {
        v.fail(plan::measure_field(i, "row"),
               std::to_string(i + 1) + "行目はオブジェクト（{…}）で指定してください。");
        return in;
    }
    plan_refuse_unknown(
        v, row, "measures[" + std::to_string(i) + "].",
        {"id", "area_key", "situation", "action", "business_linked", "urgency", "importance",
         "difficulty", "feasibility", "deadline", "concerns", "owner", "progress"});
    auto text = [&](const char* key, std::string& out) {
        if (!row.contains(key)) return;
        if (!row.at(key).is_string())
            v.fail(field(key), "文字列で指定してください。");
        else
            out = row.at(key).get<std::string>();
    };
    // Absent, null or "" all mean "not chosen".
    auto choice = [&](const char* key, std::optional<std::string>& out) {
        if (!row.contains(key) || row.at(key).is_null()) return;
        if (!row.at(key).is_string())
            v.fail(field(key), "文字列または null で指定してください。");
        else if (auto value = row.at(key).get<std::string>(); !value.empty())
            out = value;
    };
    if (row.contains("id") && !row.at("id").is_null()) {
        if (!row.at("id").is_number_integer() || row.at("id").get<long long>() < 0)
            v.fail(field("id"), "0 以上の整数で指定してください。");
        else
            in.id = row.at("id").get<core::Id>();
    }
    text("area_key", in.area_key);
    text("situation", in.situation);
    text("action", in.action);
    text("concerns", in.concerns);
    text("owner", in.owner);
    if (row.contains("business_linked")) {
        if (!row.at("business_linked").is_boolean())
            v.fail(field("business_linked"), "true か false で指定してください。");
        else
            in.business_linked = row.at("business_linked").get<bool>();
    }
    choice("urgency", in.urgency);
    choice("importance", in.importance);
    choice("difficulty", in.difficulty);
    choice("feasibility", in.feasibility);
    choice("deadline", in.deadline);
    choice("progress", in.progress);
    return in;
}

}  // namespace

std::pair<std::optional<int>, std::vector<plan::Measure>> action_plan_sheet_of(
    const nlohmann::json& body, const plan::PlanRules& rules) {
    core::Validator v;
    std::optional<int> version;
    std::vector<plan::Measure> measures;
    if (!body.is_object()) {
        v.fail("body", "オブジェクト（{…}）で指定してください。");
        v.throw_if_failed();
    }
    plan_refuse_unknown(v, body, "", {"version", "measures"});
    version = plan_version_field(v, body);
    if (!body.contains("measures") || !body.at("measures").is_array()) {
        v.fail("measures", "対策の行の配列で指定してください。");
    } else {
        const auto& rows = body.at("measures");
        if (rows.size() > plan::max_measures)
            v.fail("measures", "対策は" + std::to_string(plan::max_measures) + "行までです。");
        else
            for (std::size_t i = 0; i < rows.size(); ++i)
                measures.push_back(plan::parsed_measure(plan_input_of(rows[i], i, v), i, rules, v));
    }
    v.throw_if_failed();
    return {version, std::move(measures)};
}

std::optional<int> action_plan_version_of(const nlohmann::json& body) {
    core::Validator v;
    if (body.is_null()) return std::nullopt;
    if (!body.is_object()) {
        v.fail("body", "オブジェクト（{…}）で指定してください。");
        v.throw_if_failed();
    }
    plan_refuse_unknown(v, body, "", {"version"});
    auto version = plan_version_field(v, body);
    v.throw_if_failed();
    return version;
}

}  // namespace shido::http
