#include "core/accounts/role.hpp"

namespace shido::core {

std::string_view to_string(Role role) {
    switch (role) {
        case Role::secretariat:
            return "secretariat";
        case Role::expert:
            return "expert";
        case Role::company:
            return "company";
    }
    return "company";
}

std::string_view label_ja(Role role) {
    switch (role) {
        case Role::secretariat:
            return "事務局";
        case Role::expert:
            return "専門家";
        case Role::company:
            return "企業";
    }
    return "企業";
}

std::optional<Role> parse_role(std::string_view text) {
    for (Role role : all_roles) {
        if (to_string(role) == text) return role;
    }
    return std::nullopt;
}

std::string_view to_string(CompanyRole role) {
    return role == CompanyRole::owner ? "owner" : "manager";
}

std::string_view label_ja(CompanyRole role) {
    return role == CompanyRole::owner ? "経営者" : "担当者";
}

std::optional<CompanyRole> parse_company_role(std::string_view text) {
    if (text == "owner") return CompanyRole::owner;
    if (text == "manager") return CompanyRole::manager;
    return std::nullopt;
}

}  // namespace shido::core
