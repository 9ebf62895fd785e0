#include "services/engagements/engagement_service.hpp"

#include <functional>

#include "core/access/access_policy.hpp"
#include "core/error.hpp"
#include "core/validation.hpp"
#include "services/audit/audit_service.hpp"
#include "services/course/planning_service.hpp"
#include "services/course/task_service.hpp"
#include "services/engagements/engagement_views.hpp"
#include "services/notifications/notify.hpp"
#include "storage/accounts/user_repository.hpp"
#include "storage/companies/company_repository.hpp"
#include "storage/engagements/engagement_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

namespace {

void check_expert(storage::Connection& c, core::Validator& v,
                  const std::optional<core::Id>& expert_id) {
    if (!expert_id) return;
    auto user = storage::UserRepository(c).find(*expert_id);
    if (!user || user->role != core::Role::expert || !user->active)
        v.fail("expert_id", "担当専門家には、専門家として登録されたユーザーを選んでください。");
}

// Sets a field that was sent (absent ones are kept), validating what was given.
void set_field(std::optional<std::string>& target, const SessionInput::Field& sent,
               const std::function<void(const std::string&)>& check) {
    if (!sent) return;
    if (*sent) check(**sent);
    target = *sent;
}

void apply_session(core::Validator& v, const std::string& field, core::SessionPlan& plan,
                   const SessionInput& in) {
    set_field(plan.planned_date, in.planned_date, [&](const std::string& d) { v.date(field, d); });
    set_field(plan.start_time, in.start_time,
              [&](const std::string& t) { v.time_of_day(field + ".start_time", t); });
    set_field(plan.end_time, in.end_time,
              [&](const std::string& t) { v.time_of_day(field + ".end_time", t); });
    if (plan.start_time && plan.end_time && core::is_valid_time_of_day(*plan.start_time) &&
        core::is_valid_time_of_day(*plan.end_time) && *plan.end_time <= *plan.start_time)
        v.fail(field + ".end_time", "終了時刻は開始時刻より後にしてください。");
    if (in.mode) {
        plan.mode.reset();
        if (*in.mode) {
            plan.mode = core::parse_session_mode(**in.mode);
            if (!plan.mode) v.fail(field + ".mode", "実施方法は 訪問・Web会議 のいずれかです。");
            // What belongs to the other way of meeting no longer applies.
            if (plan.mode == core::SessionMode::visit) plan.meeting_tool = plan.meeting_url = {};
            if (plan.mode == core::SessionMode::web) plan.place = {};
        }
    }
    set_field(plan.meeting_tool, in.meeting_tool, [&](const std::string& t) {
        v.optional_text(field + ".meeting_tool", t, core::max_name_chars);
    });
    set_field(plan.meeting_url, in.meeting_url,
              [&](const std::string& u) { v.url(field + ".meeting_url", u); });
    set_field(plan.place, in.place, [&](const std::string& p) {
        v.optional_text(field + ".place", p, core::max_text_chars);
    });
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
        if (s.no < 1 || s.no > static_cast<int>(e.sessions.size())) {
            v.fail(field, "指導回は1〜" + std::to_string(e.sessions.size()) + "のいずれかです。");
            continue;
        }
        apply_session(v, field, e.sessions[static_cast<std::size_t>(s.no - 1)], s);
    }
}

// Planned dates follow the sessions' order; the course's other rules only warn
// (PlanningService).
void check_session_order(const content::Curriculum& course, core::Validator& v,
                         const core::Engagement& e) {
    std::vector<std::optional<core::CivilDate>> dates;
    for (const auto& session : e.sessions)
        dates.push_back(session.planned_date ? core::parse_civil_date(*session.planned_date)
                                             : std::nullopt);
    if (auto problem = core::order_problem(course_timing(course), dates))
        v.fail("sessions", *problem);
}

[[noreturn]] void throw_stale() {
    throw core::DomainError(core::ErrorCode::conflict,
                            "他の人が先にこの指導案件を更新しました。画面を再読み込みしてから、もう"
                            "一度変更してください。");
}

}  // namespace

core::Page<core::Engagement> EngagementService::list(const RequestContext& ctx,
                                                     const EngagementFilter& filter) {
    core::Validator v;
    storage::EngagementQuery query;
    query.scope = core::visible_scope(ctx.actor);
    query.expert_id = filter.expert_id;
    query.company_name_contains = filter.company_name_contains;
    query.page = filter.page;
    if (filter.status && !filter.status->empty()) {
        query.status = core::parse_engagement_status(*filter.status);
        if (!query.status) v.fail("status", "状態の指定が正しくありません。");
    }
    if (filter.sort == "company")
        query.order = storage::EngagementOrder::company;
    else if (!filter.sort.empty() && filter.sort != "newest")
        v.fail("sort", "並び順は newest（新しい順）か company（企業名順）です。");
    v.throw_if_failed();
    storage::Connection c(env_.db);
    return storage::EngagementRepository(c).page(query);
}

core::Engagement EngagementService::get(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view);
    storage::Connection c(env_.db);
    auto engagement = storage::EngagementRepository(c).find(grant.engagement_id());
    if (!engagement) core::throw_not_found("指導案件");
    return *engagement;
}

core::Engagement EngagementService::create(const RequestContext& ctx, const EngagementInput& in) {
    if (!core::is_secretariat(ctx.actor)) core::throw_forbidden();
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    core::Validator v;
    core::Engagement e = opened_on(env_.content.curriculum);
    if (!in.company_id) {
        v.fail("company_id", "企業を選んでください。");
    } else if (auto company = storage::CompanyRepository(c).find(*in.company_id)) {
        e.company_id = company->id;
        e.company_name = company->name;
    } else {
        v.fail("company_id", "指定された企業が見つかりません。");
    }
    apply(c, v, e, in);
    check_session_order(course_of(env_.content, e), v, e);
    v.throw_if_failed();
    storage::EngagementRepository repo(c);
    e.id = repo.insert(e, now);
    auto created = repo.find(e.id).value();
    make_course_tasks(c, created, course_of(env_.content, created), now);
    record(c, ctx, now,
           Change{core::AuditAction::create, core::AuditEntity::engagement, e.id, e.id, nullptr,
                  snapshot(created)});
    notify_expert_assigned(c, created, std::nullopt, now);
    tx.commit();
    return created;
}

core::Engagement EngagementService::update(const RequestContext& ctx, const EngagementGrant& grant,
                                           const EngagementInput& in) {
    grant.require(core::EngagementAction::edit_plan);
    // Assigning the expert is the secretariat's alone: a step up from planning that depends on
    // what the body asks for, so it is checked here rather than on the route.
    if (in.expert_id && !core::may(ctx.actor, core::EngagementAction::assign_expert, grant.scope()))
        core::throw_forbidden();
    auto id = grant.engagement_id();
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
    if (in.company_id && *in.company_id != before->company_id) {
        throw core::DomainError(core::ErrorCode::validation, "入力内容に誤りがあります。",
                                {{"company_id", "指導案件の企業は変更できません。"}});
    }
    core::Validator v;
    core::Engagement after = *before;
    apply(c, v, after, in);
    v.throw_if_failed();
    if (*in.version != before->version) throw_stale();
    // Judged only when the dates change: a plan stored before the rule must not block a change
    // of status.
    if (!in.sessions.empty()) check_session_order(course_of(env_.content, after), v, after);
    v.throw_if_failed();
    if (to_json(after) == to_json(*before)) return *before;  // nothing changed: nothing to record
    if (!repo.update(after, *in.version, now)) throw_stale();
    auto stored = repo.find(id).value();
    if (!in.sessions.empty()) follow_plan(c, stored, now);
    record(c, ctx, now,
           Change{core::AuditAction::update, core::AuditEntity::engagement, id, id,
                  snapshot(*before), snapshot(stored)});
    notify_expert_assigned(c, stored, before->expert_id, now);
    tx.commit();
    return stored;
}

}  // namespace shido::services
