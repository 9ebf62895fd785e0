#include "services/hearing/hearing_service.hpp"

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/validation.hpp"
#include "services/audit/audit_service.hpp"
#include "services/hearing/hearing_views.hpp"
#include "storage/engagements/engagement_repository.hpp"
#include "storage/hearing/hearing_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

using core::hearing::Entry;
using core::hearing::SheetItem;
using core::hearing::SheetSection;

namespace {

// The engagement, the edition its sheet keeps (the current one before the first write), the
// sheet row and every entry, read in the caller's connection.
struct HearingState {
    core::Engagement engagement;
    const core::hearing::HearingTemplate* sheet = nullptr;
    std::optional<storage::HearingSheetRow> row;
    std::vector<Entry> entries;

    std::vector<SheetSection> sections() const {
        return core::hearing::compose_sheet(*sheet, entries);
    }
    bool anything_written() const {
        for (const auto& e : entries)
            if (e.added() || e.has_text() || e.unclear) return true;
        return false;
    }
    core::documents::DocumentStatus status() const {
        core::documents::DocumentStatus s;
        s.kind = core::documents::DocumentKind::hearing_sheet;
        s.submitted_at = row ? row->submitted_at : std::nullopt;
        s.state = core::hearing::hearing_state(anything_written(), s.submitted_at);
        if (row && (anything_written() || s.submitted_at)) s.updated_at = row->updated_at;
        return s;
    }
    bool changed_since_submission() const {
        return row && row->submitted_at && row->updated_at > *row->submitted_at;
    }
};

HearingState hearing_state_of(storage::Connection& c, const ServiceEnv& env, core::Id id) {
    auto engagement = storage::EngagementRepository(c).find(id);
    if (!engagement) core::throw_not_found("指導案件");
    storage::HearingRepository repo(c);
    HearingState state{std::move(*engagement), nullptr, repo.find_sheet(id), repo.entries(id)};
    state.sheet = state.row ? env.content.hearing_sheet(state.row->sheet_id)
                            : &env.content.current_hearing_sheet();
    if (!state.sheet)
        throw std::runtime_error("content/hearing: the edition " + state.row->sheet_id +
                                 " of a stored sheet is missing");
    return state;
}

SheetItem hearing_item_in(const std::vector<SheetSection>& sections, const std::string& key) {
    for (const auto& s : sections)
        for (const auto& i : s.items)
            if (i.key == key) return i;
    core::throw_not_found("ヒアリング項目");
}

[[noreturn]] void throw_hearing_stale() {
    throw core::DomainError(core::ErrorCode::conflict,
                            "このヒアリング項目は他の人が先に更新しました。最新の内容を読み込み直し"
                            "てから、もう一度保存してください。");
}

[[noreturn]] void throw_hearing_refused(const std::string& message) {
    throw core::DomainError(core::ErrorCode::conflict, message);
}

bool is_assigned_expert(const RequestContext& ctx, const EngagementGrant& grant) {
    return ctx.actor.role == core::Role::expert && grant.scope().expert_id &&
           *grant.scope().expert_id == ctx.actor.user_id;
}

core::hearing::HearingDocument hearing_document_base(const HearingState& s) {
    core::hearing::HearingDocument d;
    d.title = s.sheet->title;
    d.item_header = s.sheet->item_header;
    d.result_header = s.sheet->result_header;
    d.company_name = s.engagement.company_name;
    d.expert_name = s.engagement.expert_name.value_or("");
    return d;
}

// Stores the change of one item: its first row (a template item never written) or a new
// version of it; the sheet's time of change follows.
SheetItem write_hearing_entry(storage::Connection& c, const ServiceEnv& env,
                              const RequestContext& ctx, const HearingState& state,
                              const SheetItem& before, const Entry& wanted,
                              core::AuditAction action, core::Timestamp now) {
    storage::HearingRepository repo(c);
    auto id = state.engagement.id;
    repo.ensure_sheet(id, state.sheet->id, state.sheet->version, now);
    bool stored = before.entry.version == 0
                      ? repo.insert_entry(id, wanted, ctx.actor.user_id, now)
                      : repo.update_entry(id, wanted, before.entry.version, ctx.actor.user_id, now);
    if (!stored) throw_hearing_stale();
    repo.touch(id, now);
    auto after = hearing_item_in(hearing_state_of(c, env, id).sections(), before.key);
    record(c, ctx, now,
           Change{action, core::AuditEntity::hearing_item, after.entry.id, id,
                  before.entry.version == 0 ? nlohmann::json(nullptr) : snapshot(before.entry),
                  snapshot(after.entry)});
    return after;
}

}  // namespace

HearingView HearingService::get(const RequestContext& ctx, const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view_records);
    storage::Connection c(env_.db);
    auto state = hearing_state_of(c, env_, grant.engagement_id());
    return {state.sheet, state.sections(), is_assigned_expert(ctx, grant), state.status(),
            state.changed_since_submission()};
}

SheetItem HearingService::save_item(const RequestContext& ctx, const EngagementGrant& grant,
                                    const std::string& key, const HearingItemInput& in) {
    grant.require(core::EngagementAction::write_records);
    core::Validator v;
    if (in.preparation)
        v.optional_paragraphs("preparation", *in.preparation, max_hearing_text_chars);
    if (in.result) v.optional_paragraphs("result", *in.result, max_hearing_text_chars);
    if (!in.version) v.fail("version", "version を指定してください。");
    if (!in.preparation && !in.result && !in.unclear)
        v.fail("result", "保存する内容（preparation、result、unclear）を指定してください。");
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto state = hearing_state_of(c, env_, grant.engagement_id());
    auto before = hearing_item_in(state.sections(), key);
    v.throw_if_failed();
    if (*in.version != before.entry.version) throw_hearing_stale();
    auto wanted = before.entry;
    if (in.preparation) wanted.preparation = *in.preparation;
    if (in.result) wanted.result = *in.result;
    if (in.unclear) wanted.unclear = *in.unclear;
    auto action = before.entry.version == 0 ? core::AuditAction::create : core::AuditAction::update;
    auto after = write_hearing_entry(c, env_, ctx, state, before, wanted, action, now);
    tx.commit();
    return after;
}

SheetItem HearingService::add_item(const RequestContext& ctx, const EngagementGrant& grant,
                                   std::optional<int> section_no, const std::string& label) {
    grant.require(core::EngagementAction::write_records);
    core::Validator v;
    v.require_text("label", label, max_hearing_label_chars);
    if (!section_no) v.fail("section_no", "追加する項目の大項目の番号を指定してください。");
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto state = hearing_state_of(c, env_, grant.engagement_id());
    if (section_no && !core::hearing::has_section(*state.sheet, *section_no))
        v.fail("section_no", "この番号の大項目はありません。");
    v.throw_if_failed();
    std::size_t added = 0;
    for (const auto& e : state.entries) added += e.added() ? 1 : 0;
    if (added >= max_added_hearing_items)
        throw_hearing_refused("追加できる項目は" + std::to_string(max_added_hearing_items) +
                              "件までです。");
    storage::HearingRepository repo(c);
    auto id = state.engagement.id;
    repo.ensure_sheet(id, state.sheet->id, state.sheet->version, now);
    auto entry_id = repo.add_entry(id, *section_no, label, ctx.actor.user_id, now);
    repo.touch(id, now);
    auto after = hearing_item_in(hearing_state_of(c, env_, id).sections(),
                                 core::hearing::added_item_key(entry_id));
    record(c, ctx, now,
           Change{core::AuditAction::create, core::AuditEntity::hearing_item, entry_id, id, nullptr,
                  snapshot(after.entry)});
    tx.commit();
    return after;
}

void HearingService::delete_item(const RequestContext& ctx, const EngagementGrant& grant,
                                 const std::string& key, std::optional<int> version) {
    grant.require(core::EngagementAction::write_records);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto state = hearing_state_of(c, env_, grant.engagement_id());
    auto before = hearing_item_in(state.sections(), key);
    if (!version) {
        core::Validator v;
        v.fail("version", "version を指定してください。");
        v.throw_if_failed();
    }
    if (!before.added)
        throw_hearing_refused("シートの項目は削除できません。追加した項目だけを削除できます。");
    if (*version != before.entry.version || !storage::HearingRepository(c).delete_added_entry(
                                                state.engagement.id, before.entry.id, *version))
        throw_hearing_stale();
    storage::HearingRepository(c).touch(state.engagement.id, now);
    record(c, ctx, now,
           Change{core::AuditAction::delete_hearing_item, core::AuditEntity::hearing_item,
                  before.entry.id, state.engagement.id, snapshot(before.entry), nullptr});
    tx.commit();
}

UnclearHearingItems HearingService::unclear(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view_records);
    storage::Connection c(env_.db);
    auto state = hearing_state_of(c, env_, grant.engagement_id());
    UnclearHearingItems out{state.sheet, {}, {}};
    for (const auto& s : state.sections())
        for (const auto& i : s.items)
            if (i.entry.unclear) {
                out.items.push_back(i);
                out.section_titles.push_back(s.title);
            }
    return out;
}

SheetItem HearingService::resolve(const RequestContext& ctx, const EngagementGrant& grant,
                                  const std::string& key, const std::string& note,
                                  std::optional<int> version) {
    grant.require(core::EngagementAction::write_records);
    core::Validator v;
    v.optional_paragraphs("note", note, max_hearing_note_chars);
    if (!version) v.fail("version", "version を指定してください。");
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto state = hearing_state_of(c, env_, grant.engagement_id());
    auto before = hearing_item_in(state.sections(), key);
    v.throw_if_failed();
    if (*version != before.entry.version) throw_hearing_stale();
    if (!before.entry.unclear)
        throw_hearing_refused("この項目には「回答が不明瞭」の印がありません。");
    auto wanted = before.entry;
    wanted.unclear = false;
    wanted.result = core::hearing::result_with_review_note(
        wanted.result, note, services::today(env_), state.sheet->review_at_session);
    auto after = write_hearing_entry(c, env_, ctx, state, before, wanted,
                                     core::AuditAction::resolve_hearing_item, now);
    tx.commit();
    return after;
}

SubmittedHearing HearingService::submit(const RequestContext& ctx, const EngagementGrant& grant) {
    grant.require(core::EngagementAction::submit_documents);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto state = hearing_state_of(c, env_, grant.engagement_id());
    if (!state.anything_written())
        throw_hearing_refused("何も記入されていないヒアリングシートは提出できません。");
    auto frozen = hearing_submitted_json(*state.sheet, state.sections());
    storage::HearingRepository repo(c);
    repo.submit(state.engagement.id, frozen.dump(), ctx.actor.user_id, now);
    nlohmann::json before = nullptr;
    if (state.row && state.row->submitted_at) before = {{"submitted_at", *state.row->submitted_at}};
    record(c, ctx, now,
           Change{core::AuditAction::submit_hearing_sheet,
                  core::AuditEntity::hearing_sheet,
                  state.engagement.id,
                  state.engagement.id,
                  before,
                  {{"submitted_at", now}, {"snapshot", frozen}}});
    auto row = repo.find_sheet(state.engagement.id).value();
    tx.commit();
    return {frozen, now, row.submitted_by_name, false};
}

SubmittedHearing HearingService::submitted(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view_submitted_documents);
    storage::Connection c(env_.db);
    auto row = storage::HearingRepository(c).find_sheet(grant.engagement_id());
    if (!row || !row->submitted_json || !row->submitted_at)
        throw_hearing_refused("ヒアリングシートはまだ提出されていません。");
    return {nlohmann::json::parse(*row->submitted_json), *row->submitted_at, row->submitted_by_name,
            row->updated_at > *row->submitted_at};
}

core::hearing::HearingDocument HearingService::document(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view_records);
    storage::Connection c(env_.db);
    auto state = hearing_state_of(c, env_, grant.engagement_id());
    auto d = hearing_document_base(state);
    d.date = services::today(env_);
    d.rows = core::hearing::document_rows(state.sections());
    return d;
}

core::hearing::HearingDocument HearingService::submitted_document(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view_submitted_documents);
    storage::Connection c(env_.db);
    auto state = hearing_state_of(c, env_, grant.engagement_id());
    if (!state.row || !state.row->submitted_json || !state.row->submitted_at)
        throw_hearing_refused("ヒアリングシートはまだ提出されていません。");
    auto snapshot_json = nlohmann::json::parse(*state.row->submitted_json);
    auto d = hearing_document_base(state);
    d.title = snapshot_json.at("sheet").at("title").get<std::string>();
    d.date = core::date_in_japan(*state.row->submitted_at);
    d.submitted_copy = true;
    d.rows = hearing_rows_of(snapshot_json);
    return d;
}

core::documents::DocumentStatus HearingService::status(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view);
    storage::Connection c(env_.db);
    return hearing_state_of(c, env_, grant.engagement_id()).status();
}

}  // namespace shido::services
