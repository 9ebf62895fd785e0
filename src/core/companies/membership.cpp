#include "core/companies/membership.hpp"

namespace shido::core {

std::optional<std::string> member_removal_problem(const Actor& actor, const User& member,
                                                  int enabled_owners) {
    if (!member.active) return std::string("このメンバーは既に削除されています。");
    bool owner = member.company_role == CompanyRole::owner;
    if (owner && enabled_owners <= 1)
        return std::string(
            "最後の経営者は削除できません。先に別の経営者を登録するよう事務局に依頼してください。");
    if (owner && !is_secretariat(actor) && member.id != actor.user_id)
        return std::string("ほかの経営者を削除できるのは事務局だけです。");
    return std::nullopt;
}

}  // namespace shido::core
