#pragma once
// The request bodies of the 様式2 routes, read strictly: unknown fields and wrong types are
// validation errors naming the field.
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/rules/rules_check.hpp"
#include "http/route.hpp"

namespace shido::http {

int category_no_of(const ApiCall& call);
// {result, content, assignee, due_date, upkeep, version} of one category's row.
std::pair<core::rules::RowInput, std::optional<int>> rules_row_of(const nlohmann::json& body);
// {version} of a submission.
std::optional<int> rules_version_of(const nlohmann::json& body);

}  // namespace shido::http
