#include "services/final_report/final_report_service.hpp"

#include "core/error.hpp"
#include "core/final_report/draft.hpp"
#include "core/validation.hpp"
#include "services/audit/audit_service.hpp"
#include "services/course/planning_service.hpp"
#include "services/final_report/final_report_facts.hpp"
#include "services/final_report/final_report_views.hpp"
#include "storage/engagements/engagement_repository.hpp"
#include "storage/final_report/final_report_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

namespace {

namespace fr = core::final_report;
using core::EngagementAction;

[[noreturn]] void final_report_refused(const std::string& message) {
    throw core::DomainError(core::ErrorCode::conflict, message);
}

[[noreturn]] void final_report_stale() {
    final_report_refused(
        "最終報告書は他の人が先に更新しました。画面を読み込み直してから、もう一度操作してください"
        "。");
}

bool final_report_author(const RequestContext& ctx, const EngagementGrant& grant) {
    return core::relation_of(ctx.actor, grant.scope()) == core::Relation::assigned_expert;
}

core::Engagement final_report_engagement(storage::Connection& c, const EngagementGrant& grant) {
    auto e = storage::EngagementRepository(c).find(grant.engagement_id());
    if (!e) core::throw_not_found("指導案件");
    return std::move(*e);
}

core::AuditAction final_report_action_of(core::ReportEvent event) {
    switch (event) {
        case core::ReportEvent::submit:
            return core::AuditAction::submit_final_report;
        case core::ReportEvent::return_to_expert:
            return core::AuditAction::return_final_report;
        case core::ReportEvent::accept:
            return core::AuditAction::accept_final_report;
    }
    return core::AuditAction::update;
}

// The expert may change the working copy only while the report is with them.
void require_with_expert(const fr::FinalReport& report) {
    if (report.state == core::ReportState::accepted)
        final_report_refused("受理された最終報告書は変更できません。");
    if (!core::expert_may_edit(report.state))
        final_report_refused(
            "提出済みの最終報告書は事務局の確認中です。差戻しされてから修正してください。");
}

}  // namespace

// The view in the caller's connection: the stored report, and for the author the draft while
// none is stored. Others see only what was submitted.
FinalReportView FinalReportService::view_of(storage::Connection& c, const RequestContext& ctx,
                                            const EngagementGrant& grant, bool with_draft) const {
    FinalReportView view;
    view.engagement = final_report_engagement(c, grant);
    const auto& course = course_of(env_.content, view.engagement);
    view.course_title = course.title;
    view.labels = &env_.content.final_report;
    view.working_copy = final_report_author(ctx, grant);
    view.report = storage::FinalReportRepository(c).find(grant.engagement_id());
    if (!view.working_copy && view.report && !view.report->submitted) view.report.reset();
    if (with_draft && view.working_copy && !view.report)
        view.draft = fr::draft(*view.labels, facts_in(c, view.engagement, course));
    return view;
}

fr::Facts FinalReportService::facts_in(storage::Connection& c, const core::Engagement& e,
                                       const content::Curriculum& course) const {
    return final_report_detail::gather_facts(c, env_, e, course, statuses_);
}

fr::Facts FinalReportService::facts(const EngagementGrant& grant) {
    grant.require(EngagementAction::write_records);
    storage::Connection c(env_.db);
    auto e = final_report_engagement(c, grant);
    return facts_in(c, e, course_of(env_.content, e));
}

FinalReportView FinalReportService::get(const RequestContext& ctx, const EngagementGrant& grant) {
    grant.require(EngagementAction::view_reports);
    storage::Connection c(env_.db);
    return view_of(c, ctx, grant, true);
}

FinalReportView FinalReportService::save(const RequestContext& ctx, const EngagementGrant& grant,
                                         const fr::Body& texts, std::optional<int> version) {
    grant.require(EngagementAction::write_records);
    const auto& labels = env_.content.final_report;
    core::Validator v;
    fr::validate(labels, texts, v);
    if (!version) v.fail("version", "version を指定してください（新しい報告書は 0）。");
    v.throw_if_failed();
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto before = view_of(c, ctx, grant, false);
    storage::FinalReportRepository repo(c);
    fr::Body body;
    if (!before.report) {
        // The facts are the server's, never the client's: a new report takes a fresh draft's.
        body.facts = facts_in(c, before.engagement, course_of(env_.content, before.engagement));
        body.texts = texts.texts;
        if (*version != 0 || !repo.insert(grant.engagement_id(), body, now)) final_report_stale();
    } else {
        require_with_expert(*before.report);
        body.facts = before.report->body.facts;
        body.texts = texts.texts;
        if (*version != before.report->version ||
            !repo.save_body(grant.engagement_id(), body, before.report->version, now))
            final_report_stale();
    }
    auto after = view_of(c, ctx, grant, false);
    record(c, ctx, now,
           Change{before.report ? core::AuditAction::update : core::AuditAction::create,
                  core::AuditEntity::final_report, grant.engagement_id(), grant.engagement_id(),
                  before.report ? final_report_snapshot(*before.report) : nlohmann::json(nullptr),
                  final_report_snapshot(*after.report)});
    tx.commit();
    return after;
}

FinalReportView FinalReportService::refresh(const RequestContext& ctx, const EngagementGrant& grant,
                                            std::optional<int> version) {
    grant.require(EngagementAction::write_records);
    if (!version) {
        core::Validator v;
        v.fail("version", "version を指定してください。");
        v.throw_if_failed();
    }
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto before = view_of(c, ctx, grant, false);
    if (!before.report) core::throw_not_found("最終報告書");
    require_with_expert(*before.report);
    auto fresh =
        fr::refreshed(env_.content.final_report, before.report->body,
                      facts_in(c, before.engagement, course_of(env_.content, before.engagement)));
    if (*version != before.report->version ||
        !storage::FinalReportRepository(c).save_body(grant.engagement_id(), fresh,
                                                     before.report->version, now))
        final_report_stale();
    auto after = view_of(c, ctx, grant, false);
    record(c, ctx, now,
           Change{core::AuditAction::refresh_final_report, core::AuditEntity::final_report,
                  grant.engagement_id(), grant.engagement_id(),
                  final_report_snapshot(*before.report), final_report_snapshot(*after.report)});
    tx.commit();
    return after;
}

FinalReportView FinalReportService::submit(const RequestContext& ctx, const EngagementGrant& grant,
                                           std::optional<int> version) {
    grant.require(EngagementAction::write_records);
    return transition(ctx, grant, core::ReportEvent::submit, "", version);
}

FinalReportView FinalReportService::review(const RequestContext& ctx, const EngagementGrant& grant,
                                           core::ReportEvent event, const std::string& comment,
                                           std::optional<int> version) {
    grant.require(EngagementAction::review_reports);
    if (event == core::ReportEvent::submit) core::throw_forbidden();
    return transition(ctx, grant, event, comment, version);
}

FinalReportView FinalReportService::transition(const RequestContext& ctx,
                                               const EngagementGrant& grant,
                                               core::ReportEvent event, const std::string& comment,
                                               std::optional<int> version) {
    core::Validator v;
    if (!version) v.fail("version", "version を指定してください。");
    // Returning needs a reason the expert can act on; spaces alone are none.
    if (event == core::ReportEvent::return_to_expert &&
        comment.find_first_not_of(" \t\r\n\xe3\x80\x80") == std::string::npos)
        v.fail("comment", "差戻しの理由（コメント）を入力してください。");
    else
        v.optional_paragraphs("comment", comment, max_final_report_comment_chars);
    v.throw_if_failed();
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    // The secretariat acts on the submitted copy; the stored row is read in full here.
    auto stored = storage::FinalReportRepository(c).find(grant.engagement_id());
    if (!stored || (event != core::ReportEvent::submit && !stored->submitted))
        core::throw_not_found("最終報告書");
    auto step = core::transition_for(stored->state, event);
    if (!step) {
        if (stored->state == core::ReportState::accepted)
            final_report_refused("この最終報告書は受理済みです。変更はできません。");
        final_report_refused("この最終報告書は「" +
                             std::string(core::label_in(core::report_states(), stored->state)) +
                             "」のため、その操作はできません。");
    }
    std::optional<fr::Body> submitted;
    if (event == core::ReportEvent::submit) {
        core::Validator content;
        fr::validate_for_submission(env_.content.final_report, stored->body, content);
        content.throw_if_failed();
        submitted = stored->body;
    }
    if (*version != stored->version || !storage::FinalReportRepository(c).transition(
                                           grant.engagement_id(), *step, stored->version, submitted,
                                           ctx.actor.user_id, ctx.actor.name, comment, now))
        final_report_stale();
    auto after = storage::FinalReportRepository(c).find(grant.engagement_id());
    record(c, ctx, now,
           Change{final_report_action_of(event), core::AuditEntity::final_report,
                  grant.engagement_id(), grant.engagement_id(), final_report_snapshot(*stored),
                  final_report_snapshot(*after)});
    auto view = view_of(c, ctx, grant, false);
    tx.commit();
    return view;
}

fr::Document FinalReportService::document(const RequestContext& ctx, const EngagementGrant& grant) {
    auto view = get(ctx, grant);
    if (!view.working_copy && !view.report)
        final_report_refused("最終報告書はまだ提出されていません。");
    return final_report_document(view);
}

core::documents::DocumentStatus FinalReportService::status(const EngagementGrant& grant) {
    grant.require(EngagementAction::view);
    storage::Connection c(env_.db);
    return storage::FinalReportRepository(c)
        .statuses({grant.engagement_id()})
        .at(grant.engagement_id());
}

core::documents::DocumentFile FinalReportService::package_file(const EngagementGrant& grant,
                                                               const PdfRenderer& render_pdf) {
    grant.require(EngagementAction::view_submitted_documents);
    storage::Connection c(env_.db);
    auto report = storage::FinalReportRepository(c).find(grant.engagement_id());
    if (!report || !report->submitted) final_report_refused("最終報告書はまだ提出されていません。");
    FinalReportView view;
    view.engagement = final_report_engagement(c, grant);
    view.course_title = course_of(env_.content, view.engagement).title;
    view.labels = &env_.content.final_report;
    view.report = report;
    auto document = final_report_document(view);
    core::documents::DocumentFile file;
    file.file_name = env_.content.final_report.title + ".pdf";
    file.media_type = "application/pdf";
    if (render_pdf) file.bytes = render_pdf(document);  // none: only the facts (readiness)
    file.version = report->version;
    // The secretariat's acceptance stands for the approval of the copy: who and when.
    for (const auto& s : report->steps)
        if (s.to == core::ReportState::accepted) {
            file.approved_by = s.actor_name;
            file.approved_at = s.at;
        }
    return file;
}

}  // namespace shido::services
