#include "services/course/report_service.hpp"

#include "core/error.hpp"
#include "core/validation.hpp"
#include "services/audit/audit_service.hpp"
#include "services/course/course_work_internal.hpp"
#include "services/course/course_work_views.hpp"
#include "services/json_helpers.hpp"
#include "services/notifications/notify.hpp"
#include "storage/course/report_repository.hpp"
#include "storage/course/session_record_repository.hpp"
#include "storage/course/task_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

using namespace course_detail;

namespace {

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& line : lines) out += (out.empty() ? "" : "\n") + line;
    return out;
}

std::string person(const core::Attendee& a) {
    return a.title.empty() ? a.name : a.name + "（" + a.title + "）";
}

core::ReportBody draft_from(storage::Connection& c, const EngagementOnCourse& e, int no) {
    const auto& plan = e.plan(no);
    const auto& session = e.session(no);
    core::ReportBody b;
    b.held_on = plan.held_on ? plan.held_on : plan.planned_date;
    b.start_time = plan.start_time;
    b.end_time = plan.end_time;
    if (plan.mode) b.mode = std::string(core::to_string(*plan.mode));
    b.place = plan.mode == core::SessionMode::web ? plan.meeting_tool.value_or("")
                                                  : plan.place.value_or("");
    auto record = storage::SessionRecordRepository(c).find(e.engagement.id, no);
    std::vector<std::string> company, expert, activities;
    if (record) {
        for (const auto& a : record->attendees)
            (a.side == core::TaskSide::company ? company : expert).push_back(person(a));
        for (const auto& item : record->agenda) {
            std::string line = "・" + item.title;
            if (item.actual_start && item.actual_end)
                line += "（" + *item.actual_start + "〜" + *item.actual_end + "）";
            if (!item.notes.empty()) line += "\n" + item.notes;
            activities.push_back(line);
        }
        b.next_steps = record->decisions;
    } else {
        for (const auto& item : session.agenda) activities.push_back("・" + item);
    }
    auto joined = [](const std::vector<std::string>& names) {
        std::string out;
        for (const auto& n : names) out += (out.empty() ? "" : "、") + n;
        return out;
    };
    if (!company.empty()) b.attendees = "企業側: " + joined(company);
    if (!expert.empty())
        b.attendees += (b.attendees.empty() ? "" : "\n") + ("専門家: " + joined(expert));
    b.activities = join_lines(activities);
    for (const auto& name : session.deliverables) b.deliverables.push_back({name, {}, ""});
    if (no < static_cast<int>(e.course->sessions.size())) {
        const auto& next = e.plan(no + 1);
        std::string line =
            "次回（" + e.session(no + 1).title + "）: " + next.planned_date.value_or("日程未定");
        b.next_steps += (b.next_steps.empty() ? "" : "\n") + line;
    }
    std::vector<std::string> requests;
    for (const auto& t : storage::TaskRepository(c).list(e.engagement.id))
        if (t.origin == core::TaskOrigin::request && t.requested_in == no && !t.done_at)
            requests.push_back("・" + t.title + (t.due_date ? "（期限 " + *t.due_date + "）" : ""));
    b.requests = join_lines(requests);
    return b;
}

void validate_body(const core::ReportBody& b, core::Validator& v) {
    if (b.held_on) v.date("held_on", *b.held_on);
    if (b.start_time) v.time_of_day("start_time", *b.start_time);
    if (b.end_time) v.time_of_day("end_time", *b.end_time);
    if (b.mode && !core::parse_session_mode(*b.mode))
        v.fail("mode", "実施形態は「訪問」か「Web会議」から選んでください。");
    v.optional_text("place", b.place, 200);
    v.optional_paragraphs("attendees", b.attendees, core::max_report_text_chars);
    v.optional_paragraphs("activities", b.activities, core::max_report_text_chars);
    v.optional_paragraphs("next_steps", b.next_steps, core::max_report_text_chars);
    v.optional_paragraphs("requests", b.requests, core::max_report_text_chars);
    v.optional_paragraphs("remarks", b.remarks, core::max_report_text_chars);
    if (b.deliverables.size() > max_report_deliverables)
        v.fail("deliverables",
               "成果物は" + std::to_string(max_report_deliverables) + "件までにしてください。");
    for (std::size_t i = 0; i < b.deliverables.size(); ++i) {
        auto field = "deliverables." + std::to_string(i);
        v.require_text(field + ".name", b.deliverables[i].name, 200);
        v.optional_paragraphs(field + ".note", b.deliverables[i].note, 1000);
    }
}

bool is_author(const RequestContext& ctx, const EngagementGrant& grant) {
    return core::relation_of(ctx.actor, grant.scope()) == core::Relation::assigned_expert;
}

// Who hears of a move: the secretariat of a submission, the expert of the review's outcome.
void tell_of(storage::Connection& c, const core::Engagement& e, const core::SessionReport& after,
             core::ReportEvent event, const std::string& title, const std::string& comment,
             core::Timestamp now) {
    Notice n;
    n.engagement_id = e.id;
    n.facts.company_name = e.company_name;
    n.facts.session_no = after.session_no;
    n.facts.subject_name = title + "の実施報告";
    n.facts.note = comment;
    n.link =
        "/engagements/" + std::to_string(e.id) + "/sessions/" + std::to_string(after.session_no);
    auto key = ":r" + std::to_string(after.id) + ":v" + std::to_string(after.version);
    switch (event) {
        case core::ReportEvent::submit:
            n.kind = core::NotificationKind::report_submitted;
            n.recipients = recipients_of(c, e, {Audience::secretariat});
            n.dedupe_key = "report_submitted" + key;
            break;
        case core::ReportEvent::return_to_expert:
            n.kind = core::NotificationKind::report_returned;
            n.recipients = recipients_of(c, e, {Audience::expert});
            n.dedupe_key = "report_returned" + key;
            break;
        case core::ReportEvent::accept:
            n.kind = core::NotificationKind::report_accepted;
            n.recipients = recipients_of(c, e, {Audience::expert});
            n.dedupe_key = "report_accepted" + key;
            break;
    }
    notify(c, n, now);
}

core::AuditAction audit_action_of(core::ReportEvent event) {
    switch (event) {
        case core::ReportEvent::submit:
            return core::AuditAction::submit_report;
        case core::ReportEvent::return_to_expert:
            return core::AuditAction::return_report;
        case core::ReportEvent::accept:
            return core::AuditAction::accept_report;
    }
    return core::AuditAction::update;
}

}  // namespace

core::ReportDocument report_document(const ReportView& view) {
    if (!view.working_copy && !view.report)
        throw_refused("この回の実施報告はまだ提出されていません。");
    core::ReportDocument d;
    d.company_name = view.engagement.company_name;
    d.expert_name = view.engagement.expert_name.value_or("");
    d.course_title = view.course->title;
    d.session_no = view.session->no;
    d.session_title = view.session->title;
    d.session_theme = view.session->theme;
    if (view.report) {
        const auto& r = *view.report;
        d.state = r.state;
        d.steps = r.steps;
        if (!view.working_copy && r.submitted) {
            d.submitted_copy = true;
            d.body = r.submitted->body;
            d.record = r.submitted->record;
        } else {
            d.body = r.body;
        }
    } else if (view.draft) {
        d.body = *view.draft;
    }
    return d;
}

ReportView ReportService::view_of(storage::Connection& c, const RequestContext& ctx,
                                  const EngagementGrant& grant, int session_no) {
    auto e = engagement_on_course(c, env_, grant);
    ReportView view;
    view.session = &e.session(session_no);
    view.course = e.course;
    view.working_copy = is_author(ctx, grant);
    view.report = storage::ReportRepository(c).find(e.engagement.id, session_no);
    if (!view.report && view.working_copy) view.draft = draft_from(c, e, session_no);
    view.engagement = std::move(e.engagement);
    return view;
}

ReportView ReportService::get(const RequestContext& ctx, const EngagementGrant& grant,
                              int session_no) {
    grant.require(core::EngagementAction::view_reports);
    storage::Connection c(env_.db);
    auto view = view_of(c, ctx, grant, session_no);
    // Others than the author read only what was submitted to the secretariat: before that,
    // there is no report for them.
    if (!view.working_copy && view.report && !view.report->submitted) view.report.reset();
    return view;
}

core::ReportBody ReportService::draft(const EngagementGrant& grant, int session_no) {
    grant.require(core::EngagementAction::write_records);
    storage::Connection c(env_.db);
    auto e = engagement_on_course(c, env_, grant);
    return draft_from(c, e, session_no);
}

ReportView ReportService::save(const RequestContext& ctx, const EngagementGrant& grant,
                               int session_no, const core::ReportBody& body,
                               std::optional<int> version) {
    grant.require(core::EngagementAction::write_records);
    core::Validator v;
    validate_body(body, v);
    if (!version) v.fail("version", "version を指定してください（新しい報告は 0）。");
    v.throw_if_failed();
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto before = view_of(c, ctx, grant, session_no);
    storage::ReportRepository repo(c);
    if (!before.report) {
        if (*version != 0 || !repo.insert_draft(grant.engagement_id(), session_no, body, now))
            throw_stale("実施報告");
    } else {
        const auto& report = *before.report;
        if (report.state == core::ReportState::accepted)
            throw_refused("受理された実施報告は変更できません。");
        if (!core::expert_may_edit(report.state))
            throw_refused(
                "提出済みの実施報告は事務局の確認中です。差戻しされてから修正してください。");
        if (*version != report.version ||
            !repo.save_body(report.id, body, report.version, report.state, now))
            throw_stale("実施報告");
    }
    auto after = view_of(c, ctx, grant, session_no);
    record(c, ctx, now,
           Change{before.report ? core::AuditAction::update : core::AuditAction::create,
                  core::AuditEntity::session_report, after.report->id, grant.engagement_id(),
                  before.report ? snapshot(*before.report) : nlohmann::json(nullptr),
                  snapshot(*after.report)});
    tx.commit();
    return after;
}

ReportView ReportService::submit(const RequestContext& ctx, const EngagementGrant& grant,
                                 int session_no, std::optional<int> version) {
    grant.require(core::EngagementAction::write_records);
    return transition(ctx, grant, session_no, core::ReportEvent::submit, "", version);
}

ReportView ReportService::review(const RequestContext& ctx, const EngagementGrant& grant,
                                 int session_no, core::ReportEvent event,
                                 const std::string& comment, std::optional<int> version) {
    grant.require(core::EngagementAction::review_reports);
    if (event == core::ReportEvent::submit) core::throw_forbidden();
    return transition(ctx, grant, session_no, event, comment, version);
}

ReportView ReportService::transition(const RequestContext& ctx, const EngagementGrant& grant,
                                     int session_no, core::ReportEvent event,
                                     const std::string& comment, std::optional<int> version) {
    core::Validator v;
    if (!version) v.fail("version", "version を指定してください。");
    if (event == core::ReportEvent::return_to_expert)
        v.require_text("comment", comment, max_review_comment_chars);
    else
        v.optional_paragraphs("comment", comment, max_review_comment_chars);
    v.throw_if_failed();
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto before = view_of(c, ctx, grant, session_no);
    if (!before.report) core::throw_not_found("実施報告");
    const auto& report = *before.report;
    auto step = core::transition_for(report.state, event);
    if (!step) {
        if (report.state == core::ReportState::accepted)
            throw_refused("この実施報告は受理済みです。変更はできません。");
        throw_refused("この実施報告は「" +
                      std::string(core::label_in(core::report_states(), report.state)) +
                      "」のため、その操作はできません。");
    }
    std::optional<core::SubmittedReport> submitted;
    if (event == core::ReportEvent::submit) {
        const auto& plan = [&]() -> const core::SessionPlan& {
            for (const auto& s : before.engagement.sessions)
                if (s.no == session_no) return s;
            core::throw_not_found("指導の回");
        }();
        if (!plan.held_on) throw_refused("指導を実施済みにしてから、実施報告を提出してください。");
        core::Validator content;
        if (report.body.activities.empty())
            content.fail("activities", "実施内容を入力してください。");
        if (!report.body.held_on) content.fail("held_on", "実施日を入力してください。");
        content.throw_if_failed();
        submitted = core::SubmittedReport{report.body, std::nullopt};
        if (report.body.include_record)
            submitted->record =
                storage::SessionRecordRepository(c).find(grant.engagement_id(), session_no);
    }
    if (*version != report.version ||
        !storage::ReportRepository(c).transition(report.id, *step, report.version, submitted,
                                                 ctx.actor.user_id, ctx.actor.name, comment, now))
        throw_stale("実施報告");
    auto after = view_of(c, ctx, grant, session_no);
    record(c, ctx, now,
           Change{audit_action_of(event), core::AuditEntity::session_report, report.id,
                  grant.engagement_id(), snapshot(report), snapshot(*after.report)});
    tell_of(c, after.engagement, *after.report, event, after.session->title, comment, now);
    tx.commit();
    return after;
}

}  // namespace shido::services
