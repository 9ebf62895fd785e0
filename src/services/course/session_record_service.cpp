#include "services/course/session_record_service.hpp"

#include "core/calendar/civil_date.hpp"
#include "core/course/planning.hpp"
#include "core/error.hpp"
#include "core/validation.hpp"
#include "services/audit/audit_service.hpp"
#include "services/course/course_work_internal.hpp"
#include "services/course/course_work_views.hpp"
#include "services/course/planning_service.hpp"
#include "services/course/task_service.hpp"
#include "services/engagements/engagement_views.hpp"
#include "services/json_helpers.hpp"
#include "storage/course/confirmation_repository.hpp"
#include "storage/course/report_repository.hpp"
#include "storage/course/session_record_repository.hpp"
#include "storage/course/task_repository.hpp"
#include "storage/engagements/engagement_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

using namespace course_detail;

namespace {

// Before anything is written: the course's agenda (its timetable where it has one, with the
// minutes) and the participants the company confirmed, with the expert.
core::SessionRecord record_template(storage::Connection& c, const EngagementOnCourse& e,
                                    const content::CurriculumSession& session) {
    core::SessionRecord r;
    r.engagement_id = e.engagement.id;
    r.session_no = session.no;
    if (session.timetable) {
        for (const auto& item : session.timetable->items)
            r.agenda.push_back({item.title, item.minutes, std::nullopt, std::nullopt, ""});
    } else {
        for (const auto& item : session.agenda)
            r.agenda.push_back({item, std::nullopt, std::nullopt, std::nullopt, ""});
    }
    for (const auto& p : storage::ConfirmationRepository(c).find(e.engagement.id).participants)
        r.attendees.push_back({p.name, p.title, core::TaskSide::company});
    if (e.engagement.expert_name)
        r.attendees.push_back({*e.engagement.expert_name, "専門家", core::TaskSide::expert});
    return r;
}

core::SessionRecord validated(const RecordInput& in, core::Validator& v) {
    core::SessionRecord r;
    if (in.attendees.size() > max_attendees)
        v.fail("attendees", "出席者は" + std::to_string(max_attendees) + "人までにしてください。");
    for (std::size_t i = 0; i < in.attendees.size() && i < max_attendees; ++i) {
        const auto& a = in.attendees[i];
        auto field = "attendees." + std::to_string(i);
        v.require_text(field + ".name", a.name, 100);
        v.optional_text(field + ".title", a.title, 100);
        auto side = core::parse_in(core::task_sides(), a.side);
        if (!side) v.fail(field + ".side", "企業側か専門家側かを選んでください。");
        r.attendees.push_back({a.name, a.title, side.value_or(core::TaskSide::company)});
    }
    if (in.agenda.size() > max_agenda_items)
        v.fail("agenda", "議題は" + std::to_string(max_agenda_items) + "件までにしてください。");
    for (std::size_t i = 0; i < in.agenda.size() && i < max_agenda_items; ++i) {
        const auto& a = in.agenda[i];
        auto field = "agenda." + std::to_string(i);
        v.require_text(field + ".title", a.title, 300);
        if (a.planned_minutes) v.int_range(field + ".planned_minutes", *a.planned_minutes, 1, 480);
        if (a.actual_start) v.time_of_day(field + ".actual_start", *a.actual_start);
        if (a.actual_end) v.time_of_day(field + ".actual_end", *a.actual_end);
        if (a.actual_start && a.actual_end && core::is_valid_time_of_day(*a.actual_start) &&
            core::is_valid_time_of_day(*a.actual_end) && *a.actual_end < *a.actual_start)
            v.fail(field + ".actual_end", "終了時刻は開始時刻より後にしてください。");
        v.optional_paragraphs(field + ".notes", a.notes, max_record_text_chars);
        r.agenda.push_back({a.title, a.planned_minutes, a.actual_start, a.actual_end, a.notes});
    }
    v.optional_paragraphs("decisions", in.decisions, max_record_text_chars);
    r.decisions = in.decisions;
    if (!in.version) v.fail("version", "version を指定してください。");
    return r;
}

bool report_with_secretariat(storage::Connection& c, core::Id engagement_id, int session_no) {
    auto report = storage::ReportRepository(c).find(engagement_id, session_no);
    return report && !core::expert_may_edit(report->state);
}

}  // namespace

SessionRecordView SessionRecordService::view_of(storage::Connection& c,
                                                const EngagementGrant& grant, int session_no) {
    auto e = engagement_on_course(c, env_, grant);
    const auto& session = e.session(session_no);
    SessionRecordView view;
    view.session = &session;
    view.plan = e.plan(session_no);
    view.session_count = static_cast<int>(e.course->sessions.size());
    storage::SessionRecordRepository records(c);
    auto stored = records.find(e.engagement.id, session_no);
    view.record = stored ? *stored : record_template(c, e, session);
    if (session_no > 1) view.previous = records.find(e.engagement.id, session_no - 1);
    for (auto& t : storage::TaskRepository(c).list(e.engagement.id)) {
        if (t.origin != core::TaskOrigin::request || !t.requested_in) continue;
        if (*t.requested_in == session_no)
            view.requests_made.push_back(t);
        else if (*t.requested_in < session_no && !t.done_at)
            view.open_requests.push_back(t);
    }
    for (auto& m : records.moves(e.engagement.id))
        if (m.session_no == session_no) view.moves.push_back(m);
    return view;
}

SessionRecordView SessionRecordService::get(const EngagementGrant& grant, int session_no) {
    grant.require(core::EngagementAction::view_records);
    storage::Connection c(env_.db);
    return view_of(c, grant, session_no);
}

SessionRecordView SessionRecordService::save(const RequestContext& ctx,
                                             const EngagementGrant& grant, int session_no,
                                             const RecordInput& in) {
    grant.require(core::EngagementAction::write_records);
    core::Validator v;
    auto wanted = validated(in, v);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto before = view_of(c, grant, session_no);
    v.throw_if_failed();
    if (*in.version != before.record.version) throw_stale("指導の記録");
    wanted.engagement_id = grant.engagement_id();
    wanted.session_no = session_no;
    if (!storage::SessionRecordRepository(c).save(wanted, before.record.version, ctx.actor.user_id,
                                                  now))
        throw_stale("指導の記録");
    auto after = view_of(c, grant, session_no);
    record(
        c, ctx, now,
        Change{before.record.version == 0 ? core::AuditAction::create : core::AuditAction::update,
               core::AuditEntity::session_record, std::nullopt, grant.engagement_id(),
               before.record.version == 0 ? nlohmann::json(nullptr) : snapshot(before.record),
               snapshot(after.record)});
    tx.commit();
    return after;
}

SessionRecordView SessionRecordService::hold(const RequestContext& ctx,
                                             const EngagementGrant& grant, int session_no,
                                             const std::optional<std::string>& held_on) {
    grant.require(core::EngagementAction::write_records);
    core::Validator v;
    auto today = services::today(env_);
    if (held_on) {
        v.date("held_on", *held_on);
        if (core::parse_civil_date(*held_on) && *held_on > today)
            v.fail("held_on", "実施日に、まだ来ていない日は指定できません。");
    }
    v.throw_if_failed();
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto before = view_of(c, grant, session_no);
    if (!held_on && report_with_secretariat(c, grant.engagement_id(), session_no))
        throw_refused("実施報告を提出済みの回は、未実施に戻せません。");
    if (before.plan.held_on == held_on) return before;
    storage::SessionRecordRepository(c).set_held_on(grant.engagement_id(), session_no, held_on);
    auto after = view_of(c, grant, session_no);
    record(c, ctx, now,
           Change{core::AuditAction::hold_session,
                  core::AuditEntity::session_record,
                  std::nullopt,
                  grant.engagement_id(),
                  {{"session_no", session_no}, {"held_on", nullable(before.plan.held_on)}},
                  {{"session_no", session_no}, {"held_on", nullable(held_on)}}});
    tx.commit();
    return after;
}

core::Engagement SessionRecordService::move(const RequestContext& ctx, const EngagementGrant& grant,
                                            int session_no, const std::string& to_date,
                                            const std::string& reason) {
    grant.require(core::EngagementAction::edit_plan);
    core::Validator v;
    v.date("date", to_date);
    if (core::parse_civil_date(to_date) && to_date < services::today(env_))
        v.fail("date", "過去の日付には変更できません。");
    v.require_text("reason", reason, 500);
    v.throw_if_failed();
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto e = engagement_on_course(c, env_, grant);
    const auto& plan = e.plan(session_no);
    if (plan.held_on) throw_refused("実施済みの回は日程を変更できません。");
    if (plan.planned_date == to_date) throw_refused("同じ日付への変更です。");
    auto moved = e.engagement;
    std::vector<std::optional<core::CivilDate>> dates;
    for (auto& s : moved.sessions) {
        if (s.no == session_no) s.planned_date = to_date;
        dates.push_back(s.planned_date ? core::parse_civil_date(*s.planned_date) : std::nullopt);
    }
    if (auto problem = core::order_problem(course_timing(*e.course), dates))
        throw core::DomainError(core::ErrorCode::validation, "入力内容に誤りがあります。",
                                {{"date", *problem}});
    core::SessionMove m;
    m.session_no = session_no;
    m.from_date = plan.planned_date;
    m.to_date = to_date;
    m.reason = reason;
    storage::SessionRecordRepository(c).move(e.engagement.id, m, ctx.actor.user_id, now);
    auto stored = storage::EngagementRepository(c).find(e.engagement.id).value();
    follow_plan(c, stored, now);
    record(c, ctx, now,
           Change{core::AuditAction::move_session,
                  core::AuditEntity::engagement,
                  e.engagement.id,
                  e.engagement.id,
                  snapshot(e.engagement),
                  {{"session_no", session_no},
                   {"from_date", nullable(m.from_date)},
                   {"to_date", to_date},
                   {"reason", reason},
                   {"engagement", snapshot(stored)}}});
    tx.commit();
    return stored;
}

}  // namespace shido::services
