#include "core/diagnosis/respondent_role.hpp"

namespace shido::core::diagnosis {

std::string_view to_string(RespondentRole role) {
    switch (role) {
        case RespondentRole::owner:
            return "owner";
        case RespondentRole::manager:
            return "manager";
        case RespondentRole::staff:
            return "staff";
    }
    return "staff";
}

std::string_view label_ja(RespondentRole role) {
    switch (role) {
        case RespondentRole::owner:
            return "経営者";
        case RespondentRole::manager:
            return "管理者";
        case RespondentRole::staff:
            return "従業員";
    }
    return "従業員";
}

std::optional<RespondentRole> parse_respondent_role(std::string_view text) {
    for (auto role : all_respondent_roles)
        if (text == to_string(role) || text == label_ja(role)) return role;
    return std::nullopt;
}

}  // namespace shido::core::diagnosis
