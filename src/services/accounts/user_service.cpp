#include "services/accounts/user_service.hpp"

#include "core/error.hpp"
#include "core/validation.hpp"
#include "services/accounts/account_link_service.hpp"
#include "services/accounts/auth_service.hpp"
#include "services/accounts/user_views.hpp"
#include "services/audit/audit_service.hpp"
#include "services/crypto.hpp"
#include "storage/accounts/user_repository.hpp"
#include "storage/companies/company_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

core::User validated_new_user(storage::Connection& c, const NewUser& in, bool with_password) {
    core::Validator v;
    core::User user;
    user.email = normalise_email(in.email);
    user.name = in.name;
    v.email("email", user.email);
    v.require_text("name", user.name, core::max_name_chars);
    if (with_password) v.password("password", in.password);
    auto role = core::parse_role(in.role);
    if (!role) {
        v.fail("role", "役割は 事務局・専門家・企業 のいずれかを選んでください。");
    } else {
        user.role = *role;
    }
    if (role == core::Role::company) {
        if (!in.company_id) {
            v.fail("company_id", "企業ユーザーには所属企業を指定してください。");
        } else if (!storage::CompanyRepository(c).find(*in.company_id)) {
            v.fail("company_id", "指定された企業が見つかりません。");
        }
        user.company_id = in.company_id;
        user.company_role = core::parse_company_role(in.company_role.value_or("manager"));
        if (!user.company_role)
            v.fail("company_role", "企業での立場は owner（経営者）か manager（管理者）です。");
    } else if (role && (in.company_id || in.company_role)) {
        v.fail("company_id", "所属企業を指定できるのは企業ユーザーだけです。");
    }
    v.throw_if_failed();
    return user;
}

core::User create_user(storage::Connection& c, const RequestContext& ctx, core::Timestamp now,
                       const NewUser& input) {
    core::User user = validated_new_user(c, input, true);
    storage::UserRepository users(c);
    if (users.email_taken(user.email)) {
        throw core::DomainError(core::ErrorCode::conflict,
                                "このメールアドレスは既に登録されています。",
                                {{"email", "このメールアドレスは既に登録されています。"}});
    }
    user.id = users.insert(user, hash_password(input.password), now);
    user.created_at = user.updated_at = now;
    record(c, ctx, now,
           Change{core::AuditAction::create, core::AuditEntity::user, user.id, std::nullopt,
                  nullptr, to_json(user)});
    return user;
}

core::Page<core::User> UserService::list(const RequestContext& ctx, const UserFilter& filter) {
    if (!core::is_secretariat(ctx.actor)) core::throw_forbidden();
    storage::Connection c(env_.db);
    return storage::UserRepository(c).page(
        storage::UserQuery{filter.role, filter.name_or_email_contains, filter.page});
}

core::User UserService::invite(const RequestContext& ctx, const NewUser& input) {
    if (!core::is_secretariat(ctx.actor)) core::throw_forbidden();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto user = invite_user(c, ctx, env_.now(), input, links_);
    tx.commit();
    return user;
}

}  // namespace shido::services
