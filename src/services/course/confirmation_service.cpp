#include "services/course/confirmation_service.hpp"

#include "core/error.hpp"
#include "core/validation.hpp"
#include "services/audit/audit_service.hpp"
#include "services/course/course_work_internal.hpp"
#include "services/course/course_work_views.hpp"
#include "storage/course/confirmation_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

using namespace course_detail;

namespace {

constexpr std::size_t short_text_chars = 200;
constexpr std::size_t request_chars = 2000;

const char* const web_experiences[] = {"", "none", "experienced"};

core::Confirmations validated(const ArrangementsInput& in, core::Validator& v) {
    core::Confirmations c;
    if (in.participants.size() > max_participants)
        v.fail("participants",
               "参加者は" + std::to_string(max_participants) + "人までにしてください。");
    for (std::size_t i = 0; i < in.participants.size() && i < max_participants; ++i) {
        const auto& p = in.participants[i];
        auto field = "participants." + std::to_string(i);
        v.require_text(field + ".name", p.name, 100);
        v.optional_text(field + ".title", p.title, 100);
        auto kind = core::parse_participant_kind(p.kind);
        if (!kind) v.fail(field + ".kind", "参加者の区分を選んでください。");
        c.participants.push_back({p.name, p.title, kind.value_or(core::ParticipantKind::other),
                                  std::nullopt, std::nullopt, 0});
    }
    v.optional_text("meeting_room", in.meeting_room, short_text_chars);
    v.optional_text("projector", in.projector, short_text_chars);
    bool known = false;
    for (const char* key : web_experiences) known = known || in.web_experience == key;
    if (!known) v.fail("web_experience", "Web会議の経験は「あり」か「なし」から選んでください。");
    v.optional_text("web_tool", in.web_tool, short_text_chars);
    v.optional_paragraphs("special_request", in.special_request, request_chars);
    if (!in.version) v.fail("version", "version を指定してください。");
    c.meeting_room = in.meeting_room;
    c.projector = in.projector;
    c.web_experience = in.web_experience;
    c.web_tool = in.web_tool;
    c.special_request = in.special_request;
    return c;
}

}  // namespace

ConfirmationsView ConfirmationService::get(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view);
    storage::Connection c(env_.db);
    auto e = engagement_on_course(c, env_, grant);
    return {storage::ConfirmationRepository(c).find(e.engagement.id), e.course};
}

ConfirmationsView ConfirmationService::save(const RequestContext& ctx, const EngagementGrant& grant,
                                            const ArrangementsInput& in) {
    grant.require(core::EngagementAction::confirm_arrangements);
    core::Validator v;
    auto wanted = validated(in, v);
    v.throw_if_failed();
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto e = engagement_on_course(c, env_, grant);
    storage::ConfirmationRepository repo(c);
    auto before = repo.find(e.engagement.id);
    if (*in.version != before.version) throw_stale("依頼・調整事項");
    wanted.engagement_id = e.engagement.id;
    if (!repo.save_arrangements(wanted, before.version, ctx.actor.user_id, now))
        throw_stale("依頼・調整事項");
    auto after = repo.find(e.engagement.id);
    record(c, ctx, now,
           Change{core::AuditAction::confirm_arrangements, core::AuditEntity::confirmations,
                  e.engagement.id, e.engagement.id, snapshot(before), snapshot(after)});
    tx.commit();
    return {after, e.course};
}

ConfirmationsView ConfirmationService::acknowledge(const RequestContext& ctx,
                                                   const EngagementGrant& grant,
                                                   std::optional<int> statement_version,
                                                   std::optional<int> version) {
    grant.require(core::EngagementAction::acknowledge_handling);
    core::Validator v;
    if (!statement_version) v.fail("statement_version", "了承する文面の版を指定してください。");
    if (!version) v.fail("version", "version を指定してください。");
    v.throw_if_failed();
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto e = engagement_on_course(c, env_, grant);
    if (*statement_version != e.course->information_handling_version)
        throw_refused(
            "情報の取り扱いの文面が更新されています。新しい文面を読んでから了承してください。");
    storage::ConfirmationRepository repo(c);
    auto before = repo.find(e.engagement.id);
    if (*version != before.version ||
        !repo.acknowledge_information_handling(e.engagement.id, *statement_version, before.version,
                                               ctx.actor.user_id, now))
        throw_stale("依頼・調整事項");
    auto after = repo.find(e.engagement.id);
    record(c, ctx, now,
           Change{core::AuditAction::acknowledge_information_handling,
                  core::AuditEntity::confirmations, e.engagement.id, e.engagement.id,
                  snapshot(before), snapshot(after)});
    tx.commit();
    return {after, e.course};
}

}  // namespace shido::services
