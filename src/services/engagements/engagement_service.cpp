#include "services/engagements/engagement_service.hpp"

#include "core/access/access_policy.hpp"
#include "core/error.hpp"
#include "core/validation.hpp"
#include "services/audit/audit_service.hpp"
#include "services/views.hpp"
#include "storage/accounts/user_repository.hpp"
#include "storage/companies/company_repository.hpp"
#include "storage/engagements/engagement_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

namespace {

[[noreturn]] void throw_engagement_forbidden() {
    throw core::DomainError(core::ErrorCode::forbidden,
                            "この指導案件にアクセスする権限がありません。");
}

void check_expert(storage::Connection& c, core::Validator& v,
                  const std::optional<core::Id>& expert_id) {
    if (!expert_id) return;
    auto user = storage::UserRepository(c).find(*expert_id);
    if (!user || user->role != core::Role::expert || !user->active)
        v.fail("expert_id", "担当専門家には、専門家として登録されたユーザーを選んでください。");
}

// Applies the requested changes to `e`, collecting every invalid field.
void apply(storage::Connection& c, core::Validator& v, core::Engagement& e,
           const EngagementInput& in) {
    if (in.expert_id) {
        check_expert(c, v, *in.expert_id);
        e.expert_id = *in.expert_id;
    }
    if (in.status) {
        if (auto status = core::parse_engagement_status(*in.status)) {
            e.status = *status;
        } else {
            v.fail("status", "状態は 準備中・指導中・完了・中止 のいずれかを選んでください。");
        }
    }
    for (const auto& s : in.sessions) {
        std::string field = "sessions." + std::to_string(s.no);
        if (s.no < 1 || s.no > core::session_count) {
            v.fail(field, "指導回は1〜4のいずれかです。");
            continue;
        }
        if (s.planned_date) v.date(field, *s.planned_date);
        e.sessions[static_cast<std::size_t>(s.no - 1)].planned_date = s.planned_date;
    }
}

[[noreturn]] void throw_stale() {
    throw core::DomainError(core::ErrorCode::conflict,
                            "他の人が先にこの指導案件を更新しました。画面を再読み込みしてから、もう"
                            "一度変更してください。");
}

core::EngagementAction action_needed(const EngagementInput& in) {
    return in.expert_id ? core::EngagementAction::assign_expert : core::EngagementAction::edit_plan;
}

}  // namespace

std::vector<core::Engagement> EngagementService::list(const RequestContext& ctx,
                                                      const EngagementFilter& filter) {
    storage::EngagementQuery query;
    query.only_expert = filter.expert_id;
    query.company_name_contains = filter.company_name_contains;
    if (filter.status && !filter.status->empty()) {
        query.status = core::parse_engagement_status(*filter.status);
        if (!query.status)
            throw core::DomainError(core::ErrorCode::validation, "状態の指定が正しくありません。",
                                    {{"status", "状態の指定が正しくありません。"}});
    }
    // The scope comes from the access policy's roles; filters can only narrow it.
    if (ctx.actor.role == core::Role::expert) {
        if (query.only_expert && *query.only_expert != ctx.actor.user_id) return {};
        query.only_expert = ctx.actor.user_id;
    } else if (ctx.actor.role == core::Role::company) {
        if (!ctx.actor.company_id) return {};
        query.only_company = ctx.actor.company_id;
    }
    storage::Connection c(env_.db);
    return storage::EngagementRepository(c).list(query);
}

void EngagementService::authorize(const RequestContext& ctx, core::Id id,
                                  core::EngagementAction action) {
    storage::Connection c(env_.db);
    auto scope = storage::EngagementRepository(c).scope_of(id);
    if (!scope) core::throw_not_found("指導案件");
    if (!core::may(ctx.actor, action, *scope)) throw_engagement_forbidden();
}

core::Engagement EngagementService::get(const RequestContext& ctx, core::Id id) {
    storage::Connection c(env_.db);
    auto engagement = storage::EngagementRepository(c).find(id);
    if (!engagement) core::throw_not_found("指導案件");
    if (!core::may(ctx.actor, core::EngagementAction::view,
                   {engagement->company_id, engagement->expert_id}))
        throw_engagement_forbidden();
    return *engagement;
}

core::Engagement EngagementService::create(const RequestContext& ctx, const EngagementInput& in) {
    if (!core::is_secretariat(ctx.actor)) core::throw_forbidden();
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    core::Validator v;
    core::Engagement e;
    if (!in.company_id) {
        v.fail("company_id", "企業を選んでください。");
    } else if (auto company = storage::CompanyRepository(c).find(*in.company_id)) {
        e.company_id = company->id;
        e.company_name = company->name;
    } else {
        v.fail("company_id", "指定された企業が見つかりません。");
    }
    apply(c, v, e, in);
    v.throw_if_failed();
    storage::EngagementRepository repo(c);
    e.id = repo.insert(e, now);
    auto created = repo.find(e.id).value();
    record(c, ctx, now, Change{"create", "engagement", e.id, e.id, nullptr, to_json(created)});
    tx.commit();
    return created;
}

core::Engagement EngagementService::update(const RequestContext& ctx, core::Id id,
                                           const EngagementInput& in) {
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::EngagementRepository repo(c);
    auto before = repo.find(id);
    if (!before) core::throw_not_found("指導案件");
    if (!in.version) {
        throw core::DomainError(core::ErrorCode::validation, "入力内容に誤りがあります。",
                                {{"version", "更新には version を指定してください。"}});
    }
    core::EngagementScope scope{before->company_id, before->expert_id};
    if (!core::may(ctx.actor, core::EngagementAction::view, scope)) throw_engagement_forbidden();
    if (!core::may(ctx.actor, action_needed(in), scope)) core::throw_forbidden();
    if (in.company_id && *in.company_id != before->company_id) {
        throw core::DomainError(core::ErrorCode::validation, "入力内容に誤りがあります。",
                                {{"company_id", "指導案件の企業は変更できません。"}});
    }
    core::Validator v;
    core::Engagement after = *before;
    apply(c, v, after, in);
    v.throw_if_failed();
    if (*in.version != before->version) throw_stale();
    if (to_json(after) == to_json(*before)) return *before;  // nothing changed: nothing to record
    if (!repo.update(after, *in.version, now)) throw_stale();
    auto stored = repo.find(id).value();
    record(c, ctx, now, Change{"update", "engagement", id, id, to_json(*before), to_json(stored)});
    tx.commit();
    return stored;
}

}  // namespace shido::services
