#pragma once
#include <optional>
#include <string_view>

namespace shido::core::diagnosis {

// Who answered: the guide compares owner, managers and staff to find gaps in perception.
enum class RespondentRole { owner, manager, staff };

inline constexpr RespondentRole all_respondent_roles[] = {
    RespondentRole::owner, RespondentRole::manager, RespondentRole::staff};

std::string_view to_string(RespondentRole role);
std::string_view label_ja(RespondentRole role);  // 経営者 / 管理者 / 従業員
std::optional<RespondentRole> parse_respondent_role(
    std::string_view text);  // key or Japanese label

}  // namespace shido::core::diagnosis
