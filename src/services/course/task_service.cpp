#include "services/course/task_service.hpp"

#include "core/calendar/civil_date.hpp"
#include "core/error.hpp"
#include "core/validation.hpp"
#include "services/audit/audit_service.hpp"
#include "services/course/course_work_internal.hpp"
#include "services/course/course_work_views.hpp"
#include "services/notifications/notify.hpp"
#include "storage/course/task_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

using namespace course_detail;

namespace {

// The side an actor works on: experts for the expert, company members for the company.
std::optional<core::TaskSide> side_of(const core::Actor& actor) {
    if (actor.role == core::Role::expert) return core::TaskSide::expert;
    if (actor.role == core::Role::company) return core::TaskSide::company;
    return std::nullopt;
}

std::string course_key(int session_no, core::TaskSide side, std::size_t index) {
    return std::to_string(session_no) + ":" + std::string(core::key_in(core::task_sides(), side)) +
           ":" + std::to_string(index);
}

}  // namespace

void make_course_tasks(storage::Connection& c, const core::Engagement& engagement,
                       const content::Curriculum& course, core::Timestamp now) {
    storage::TaskRepository repo(c);
    for (const auto& session : course.sessions) {
        std::optional<std::string> date;
        for (const auto& plan : engagement.sessions)
            if (plan.no == session.no) date = plan.planned_date;
        auto add = [&](const std::vector<std::string>& titles, core::TaskSide side) {
            for (std::size_t i = 0; i < titles.size(); ++i) {
                core::Task t;
                t.engagement_id = engagement.id;
                t.session_no = session.no;
                t.side = side;
                t.title = titles[i];
                t.origin = core::TaskOrigin::course;
                t.due_date = core::course_task_due(date);
                repo.insert(t, course_key(session.no, side, i), std::nullopt, now);
            }
        };
        add(session.company_prepares, core::TaskSide::company);
        add(session.expert_prepares, core::TaskSide::expert);
    }
}

void follow_plan(storage::Connection& c, const core::Engagement& engagement, core::Timestamp now) {
    storage::TaskRepository repo(c);
    for (const auto& plan : engagement.sessions)
        repo.follow_session_date(engagement.id, plan.no, core::course_task_due(plan.planned_date),
                                 now);
}

void remind_due_tasks(storage::Database& db, const std::string& today, core::Timestamp now) {
    auto date = core::parse_civil_date(today);
    if (!date) return;
    storage::Connection c(db);
    storage::Transaction tx(c);
    std::vector<DueTask> due;
    for (const auto& row :
         storage::TaskRepository(c).open_due_between(core::to_string(core::add_days(*date, -7)),
                                                     core::to_string(core::add_days(*date, 2)))) {
        core::Engagement e;
        e.id = row.task.engagement_id;
        e.company_id = row.company_id;
        e.expert_id = row.expert_id;
        DueTask t;
        t.task_id = row.task.id;
        t.engagement_id = e.id;
        t.title = row.task.title;
        t.company_name = row.company_name;
        t.due_date = row.task.due_date.value_or(today);
        t.assignees =
            recipients_of(c, e,
                          {row.task.side == core::TaskSide::company ? Audience::company_users
                                                                    : Audience::expert});
        t.link = "/engagements/" + std::to_string(e.id);
        due.push_back(std::move(t));
    }
    notify_due_tasks(c, due, today, now);
    tx.commit();
}

std::vector<core::Task> TaskService::list(const RequestContext& ctx, const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view);
    storage::Connection c(env_.db);
    storage::TaskRepository repo(c);
    if (!repo.has_course_tasks(grant.engagement_id())) {
        // Engagements opened before tasks existed get theirs the first time anyone looks.
        storage::Transaction tx(c);
        auto e = engagement_on_course(c, env_, grant);
        if (!repo.has_course_tasks(e.engagement.id)) {
            auto now = env_.now();
            make_course_tasks(c, e.engagement, *e.course, now);
            record(c, ctx, now,
                   Change{core::AuditAction::create,
                          core::AuditEntity::task,
                          std::nullopt,
                          e.engagement.id,
                          nullptr,
                          {{"made_from_course", e.course->id},
                           {"course_version", e.course->version}}});
        }
        tx.commit();
    }
    return repo.list(grant.engagement_id());
}

core::Task TaskService::add(const RequestContext& ctx, const EngagementGrant& grant,
                            const TaskInput& in) {
    grant.require(core::EngagementAction::work_tasks);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto e = engagement_on_course(c, env_, grant);
    auto own_side = side_of(ctx.actor);
    if (!own_side) core::throw_forbidden();
    core::Validator v;
    core::Task t;
    t.engagement_id = e.engagement.id;
    t.origin = in.requested_in ? core::TaskOrigin::request : core::TaskOrigin::added;
    auto side = core::parse_in(core::task_sides(), in.side);
    if (!side) {
        v.fail("side", "企業のタスクか専門家のタスクかを選んでください。");
    } else {
        t.side = *side;
        // The company adds its own tasks; the expert adds either side's (requests included).
        if (*own_side == core::TaskSide::company && *side != core::TaskSide::company)
            v.fail("side", "企業の方が追加できるのは企業のタスクだけです。");
    }
    const int sessions = static_cast<int>(e.course->sessions.size());
    if (!in.session_no || *in.session_no < 1 || *in.session_no > sessions)
        v.fail("session_no", "第1回〜第" + std::to_string(sessions) + "回から選んでください。");
    else
        t.session_no = *in.session_no;
    if (in.requested_in) {
        if (*own_side != core::TaskSide::expert)
            v.fail("requested_in", "提供依頼は専門家が指導の記録から登録します。");
        else if (*in.requested_in < 1 || *in.requested_in > sessions)
            v.fail("requested_in", "依頼した回が正しくありません。");
        else if (side != core::TaskSide::company)
            v.fail("side", "提供依頼は企業のタスクになります。");
        t.requested_in = in.requested_in;
    }
    v.require_text("title", in.title, max_task_title_chars);
    t.title = in.title;
    if (in.due_date) {
        v.date("due_date", *in.due_date);
        t.due_date = in.due_date;
        t.due_date_set = true;
    } else if (in.session_no && *in.session_no >= 1 && *in.session_no <= sessions) {
        t.due_date = core::course_task_due(e.plan(*in.session_no).planned_date);
    }
    v.throw_if_failed();
    storage::TaskRepository repo(c);
    auto id = repo.insert(t, std::nullopt, ctx.actor.user_id, now);
    auto stored = repo.find(t.engagement_id, id.value()).value();
    record(c, ctx, now,
           Change{core::AuditAction::create, core::AuditEntity::task, stored.id, t.engagement_id,
                  nullptr, snapshot(stored)});
    tx.commit();
    return stored;
}

core::Task TaskService::set_done(const RequestContext& ctx, const EngagementGrant& grant,
                                 core::Id task_id, bool done) {
    grant.require(core::EngagementAction::work_tasks);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::TaskRepository repo(c);
    auto before = repo.find(grant.engagement_id(), task_id);
    if (!before) core::throw_not_found("タスク");
    if (side_of(ctx.actor) != before->side)
        throw core::DomainError(core::ErrorCode::forbidden,
                                before->side == core::TaskSide::company
                                    ? "企業のタスクは企業の方が完了にします。"
                                    : "専門家のタスクは担当の専門家が完了にします。");
    if (before->done_at.has_value() == done) return *before;  // already so: nothing to record
    repo.set_done(task_id, done ? std::optional<core::Timestamp>(now) : std::nullopt,
                  done ? std::optional<core::Id>(ctx.actor.user_id) : std::nullopt, now);
    auto after = repo.find(grant.engagement_id(), task_id).value();
    record(c, ctx, now,
           Change{done ? core::AuditAction::complete_task : core::AuditAction::reopen_task,
                  core::AuditEntity::task, task_id, grant.engagement_id(), snapshot(*before),
                  snapshot(after)});
    tx.commit();
    return after;
}

}  // namespace shido::services
