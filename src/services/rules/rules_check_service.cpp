#include "services/rules/rules_check_service.hpp"

#include "core/error.hpp"
#include "core/rules/rules_import.hpp"
#include "core/validation.hpp"
#include "services/audit/audit_service.hpp"
#include "services/rules/rules_views.hpp"
#include "storage/engagements/engagement_repository.hpp"
#include "storage/rules/rules_check_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

namespace {

[[noreturn]] void rules_throw_stale() {
    throw core::DomainError(
        core::ErrorCode::conflict,
        "関連規程類の点検結果は他の人が先に更新しました。画面を読み込み直してから、"
        "もう一度操作してください。");
}

[[noreturn]] void rules_throw_version_missing() {
    throw core::DomainError(core::ErrorCode::validation, "入力内容に誤りがあります。",
                            {{"version", "version を指定してください。"}});
}

std::string rules_company_name(storage::Connection& c, core::Id engagement_id) {
    auto engagement = storage::EngagementRepository(c).find(engagement_id);
    if (!engagement) core::throw_not_found("指導案件");
    return engagement->company_name;
}

// The stored sheet, or blank rows of the edition in use. An engagement keeps the edition its
// sheet was started on (id + version stored with it); the library holds one edition, whose
// category numbers and keys stay stable across versions.
RulesCheckView rules_view_of(storage::Connection& c, const ServiceEnv& env,
                             core::Id engagement_id) {
    RulesCheckView view;
    view.regulations = &env.content.regulations;
    auto stored = storage::RulesCheckRepository(c).find(engagement_id);
    if (stored) {
        view.check = std::move(*stored);
    } else {
        (void)rules_company_name(c, engagement_id);  // 404 if the engagement went away
        view.check.engagement_id = engagement_id;
        view.check.regulations_id = view.regulations->id;
        view.check.regulations_version = view.regulations->version;
        view.check.rows = core::rules::blank_rows(
            view.regulations->id, static_cast<int>(view.regulations->categories.size()));
    }
    view.summary = core::rules::summarise(view.check.rows);
    view.state = core::rules::state_of(view.check);
    return view;
}

core::rules::ImportForm rules_import_form(const content::Regulations& r) {
    const auto& c = r.form.columns;
    core::rules::ImportForm form;
    form.regulations_id = r.id;
    form.headers = {c.no,      c.category, c.outline,  c.result,
                    c.content, c.assignee, c.due_date, c.upkeep};
    for (const auto& category : r.categories) form.category_names.push_back(category.name);
    for (const auto& result : r.review_results) form.result_labels.push_back(result.label);
    return form;
}

}  // namespace

RulesCheckView RulesCheckService::get(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view_documents);
    storage::Connection c(env_.db);
    return rules_view_of(c, env_, grant.engagement_id());
}

RulesCheckView RulesCheckService::save_row(const RequestContext& ctx, const EngagementGrant& grant,
                                           int category_no, const core::rules::RowInput& input,
                                           std::optional<int> version) {
    grant.require(core::EngagementAction::edit_documents);
    core::Validator v;
    auto row = core::rules::validated_row(input, v);
    if (!version) v.fail("version", "version を指定してください。");
    v.throw_if_failed();
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto before = rules_view_of(c, env_, grant.engagement_id());
    if (category_no < 1 || category_no > static_cast<int>(before.check.rows.size()))
        core::throw_not_found("関連規程の区分");
    if (*version != before.check.version) rules_throw_stale();
    auto wanted = before.check;
    auto& slot = wanted.rows[static_cast<std::size_t>(category_no - 1)];
    row.category_no = slot.category_no;
    row.category_key = slot.category_key;
    slot = std::move(row);
    if (!storage::RulesCheckRepository(c).save(wanted, before.check.version, ctx.actor.user_id,
                                               now))
        rules_throw_stale();
    auto after = rules_view_of(c, env_, grant.engagement_id());
    bool created = before.check.version == 0;
    record(
        c, ctx, now,
        Change{created ? core::AuditAction::create : core::AuditAction::update,
               core::AuditEntity::rules_check, grant.engagement_id(), grant.engagement_id(),
               created ? nlohmann::json(nullptr) : snapshot(before.check), snapshot(after.check)});
    tx.commit();
    return after;
}

RulesCheckView RulesCheckService::import(const RequestContext& ctx, const EngagementGrant& grant,
                                         const core::office::SheetCells& sheet,
                                         std::optional<int> version) {
    grant.require(core::EngagementAction::edit_documents);
    if (!version) rules_throw_version_missing();
    auto outcome = core::rules::read_rules_rows(sheet, rules_import_form(env_.content.regulations));
    if (!outcome.errors.empty())
        throw core::DomainError(core::ErrorCode::validation,
                                "ファイルに誤りがあります。何も取り込んでいません。行と列を確認"
                                "して直してください。",
                                {}, outcome.errors);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto before = rules_view_of(c, env_, grant.engagement_id());
    if (*version != before.check.version) rules_throw_stale();
    auto wanted = before.check;
    wanted.rows = std::move(outcome.rows);
    if (!storage::RulesCheckRepository(c).save(wanted, before.check.version, ctx.actor.user_id,
                                               now))
        rules_throw_stale();
    auto after = rules_view_of(c, env_, grant.engagement_id());
    record(c, ctx, now,
           Change{core::AuditAction::import_rules_check, core::AuditEntity::rules_check,
                  grant.engagement_id(), grant.engagement_id(),
                  before.check.version == 0 ? nlohmann::json(nullptr) : snapshot(before.check),
                  snapshot(after.check)});
    tx.commit();
    return after;
}

RulesCheckView RulesCheckService::submit(const RequestContext& ctx, const EngagementGrant& grant,
                                         std::optional<int> version) {
    grant.require(core::EngagementAction::submit_documents);
    if (!version) rules_throw_version_missing();
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto before = rules_view_of(c, env_, grant.engagement_id());
    if (before.check.version == 0)
        throw core::DomainError(core::ErrorCode::conflict,
                                "まだ何も入力されていないため、提出できません。");
    if (*version != before.check.version) rules_throw_stale();
    if (before.state == core::documents::DocumentState::submitted)
        throw core::DomainError(core::ErrorCode::conflict, "この内容はすでに提出済みです。");
    auto submitted_view = before;
    submitted_view.check.submitted_at = now;
    submitted_view.check.submitted_version = before.check.version;
    submitted_view.state = core::documents::DocumentState::submitted;
    if (!storage::RulesCheckRepository(c).submit(grant.engagement_id(), before.check.version,
                                                 to_json(submitted_view), ctx.actor.user_id, now))
        rules_throw_stale();
    auto after = rules_view_of(c, env_, grant.engagement_id());
    record(c, ctx, now,
           Change{core::AuditAction::submit_rules_check, core::AuditEntity::rules_check,
                  grant.engagement_id(), grant.engagement_id(), nullptr, snapshot(after.check)});
    tx.commit();
    return after;
}

nlohmann::json RulesCheckService::submitted(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view_submitted_documents);
    storage::Connection c(env_.db);
    auto json = storage::RulesCheckRepository(c).submitted(grant.engagement_id());
    // Like a report's PDF before it is submitted: the engagement is there, its sheet is not yet.
    if (!json)
        throw core::DomainError(core::ErrorCode::conflict,
                                "関連規程類の点検結果は、まだ事務局に提出されていません。");
    return *json;
}

core::documents::DocumentStatus RulesCheckService::status(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view);
    storage::Connection c(env_.db);
    return storage::RulesCheckRepository(c)
        .statuses({grant.engagement_id()})
        .at(grant.engagement_id());
}

namespace {

// Everything of the printed sheet but its rows: labels from the edition, the company, today.
core::rules::RulesDocument rules_document_frame(const content::Regulations& regs,
                                                std::string company_name, std::string today) {
    const auto& cols = regs.form.columns;
    core::rules::RulesDocument doc;
    doc.title = regs.form.sheet_title;
    doc.sheet_name = regs.form.sheet_name;
    doc.company_name = std::move(company_name);
    doc.generated_on = std::move(today);
    doc.edition_title = regs.title;
    doc.choice_note = regs.form.choice_note;
    doc.upkeep_note = regs.form.upkeep_note;
    doc.headers = {cols.no,      cols.category, cols.outline,  cols.result,
                   cols.content, cols.assignee, cols.due_date, cols.upkeep};
    for (const auto& result : regs.review_results) doc.result_labels.push_back(result.label);
    return doc;
}

std::string rules_result_label(const content::Regulations& regs, const nlohmann::json& key) {
    if (!key.is_string()) return "";
    for (const auto& result : regs.review_results)
        if (result.key == key.get<std::string>()) return result.label;
    return "";
}

}  // namespace

std::optional<SubmittedRulesDocument> RulesCheckService::submitted_document(
    const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view_submitted_documents);
    storage::Connection c(env_.db);
    auto json = storage::RulesCheckRepository(c).submitted(grant.engagement_id());
    if (!json) return std::nullopt;
    // The snapshot stored at submission (rules_views' to_json): what the secretariat received,
    // not the sheet as it may have been edited since.
    const auto& regs = env_.content.regulations;
    SubmittedRulesDocument out{
        rules_document_frame(regs, rules_company_name(c, grant.engagement_id()), today(env_)),
        json->value("submitted_version", json->value("version", 0)),
        json->value("submitted_at", core::Timestamp{0})};
    for (const auto& row : json->at("rows"))
        out.document.rows.push_back(
            {row.at("category_no").get<int>(), row.at("name").get<std::string>(),
             row.at("outline").get<std::string>(), rules_result_label(regs, row.at("result")),
             row.at("content").get<std::string>(), row.at("assignee").get<std::string>(),
             row.at("due_date").is_string() ? row.at("due_date").get<std::string>() : "",
             row.at("upkeep").get<std::string>()});
    return out;
}

core::rules::RulesDocument RulesCheckService::document(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view_documents);
    storage::Connection c(env_.db);
    auto view = rules_view_of(c, env_, grant.engagement_id());
    const auto& regs = *view.regulations;
    auto doc =
        rules_document_frame(regs, rules_company_name(c, grant.engagement_id()), today(env_));
    for (const auto& row : view.check.rows) {
        const auto& category = regs.categories.at(static_cast<std::size_t>(row.category_no - 1));
        doc.rows.push_back(
            {row.category_no, category.name, category.outline,
             row.result ? regs.review_results.at(core::rules::index_of(*row.result)).label : "",
             row.content, row.assignee, row.due_date.value_or(""), row.upkeep});
    }
    return doc;
}

}  // namespace shido::services
