#include "services/policy/policy_service.hpp"

#include "core/error.hpp"
#include "core/validation.hpp"
#include "services/audit/audit_service.hpp"
#include "services/crypto.hpp"
#include "services/policy/policy_views.hpp"
#include "storage/companies/company_repository.hpp"
#include "storage/engagements/engagement_repository.hpp"
#include "storage/policy/policy_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

namespace {

[[noreturn]] void policy_stale() {
    throw core::DomainError(core::ErrorCode::conflict,
                            "基本方針は他の人が先に更新しました。画面を読み込み直してから、もう一度"
                            "操作してください。");
}

[[noreturn]] void policy_refused(const std::string& message) {
    throw core::DomainError(core::ErrorCode::conflict, message);
}

int policy_required_version(const std::optional<int>& version, bool first_allowed) {
    core::Validator v;
    if (!version)
        v.fail("version", first_allowed ? "version を指定してください（最初の版は 0）。"
                                        : "version を指定してください。");
    v.throw_if_failed();
    return *version;
}

storage::PolicyActor policy_actor(const RequestContext& ctx) {
    return {ctx.actor.user_id ? std::optional<core::Id>(ctx.actor.user_id) : std::nullopt,
            ctx.actor.name};
}

}  // namespace

PolicyView PolicyService::view_of(storage::Connection& c, core::Id engagement_id) {
    storage::PolicyRepository repo(c);
    PolicyView view;
    view.head = repo.head(engagement_id);
    view.status = core::policy::policy_status(view.head);
    if (view.head) view.versions = repo.versions(engagement_id);
    view.sample = &sample();
    return view;
}

core::documents::DocumentStatus PolicyService::status(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view);
    storage::Connection c(env_.db);
    return core::policy::policy_status(storage::PolicyRepository(c).head(grant.engagement_id()));
}

PolicyView PolicyService::get(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view_documents);
    storage::Connection c(env_.db);
    return view_of(c, grant.engagement_id());
}

core::policy::PolicyVersion PolicyService::version(const EngagementGrant& grant, int number) {
    grant.require(core::EngagementAction::view_documents);
    storage::Connection c(env_.db);
    auto found = storage::PolicyRepository(c).version(grant.engagement_id(), number);
    if (!found) core::throw_not_found("基本方針の版");
    return *found;
}

std::vector<core::policy::DiffRow> PolicyService::compare(const EngagementGrant& grant, int from,
                                                          int to) {
    grant.require(core::EngagementAction::view_documents);
    storage::Connection c(env_.db);
    storage::PolicyRepository repo(c);
    auto left = repo.version(grant.engagement_id(), from);
    auto right = repo.version(grant.engagement_id(), to);
    if (!left || !right) core::throw_not_found("基本方針の版");
    return core::policy::diff_lines(core::policy::lines_of(left->document, sample()),
                                    core::policy::lines_of(right->document, sample()));
}

PolicyDraft PolicyService::draft(const EngagementGrant& grant, bool from_sample) {
    grant.require(core::EngagementAction::edit_documents);
    storage::Connection c(env_.db);
    auto texts = hearing_texts_(c, grant.engagement_id());
    PolicyDraft d;
    d.proposal = core::policy::propose_asset_scope(texts, sample());
    storage::PolicyRepository repo(c);
    auto head = repo.head(grant.engagement_id());
    if (head && !from_sample) {
        auto newest = repo.version(grant.engagement_id(), head->latest_number);
        if (newest) {
            d.document = newest->document;
            d.based_on = newest->number;
            return d;
        }
    }
    auto engagement = storage::EngagementRepository(c).find(grant.engagement_id());
    if (!engagement) core::throw_not_found("指導案件");
    auto company = storage::CompanyRepository(c).find(engagement->company_id);
    core::policy::CompanyFacts facts{engagement->company_name, "", ""};
    if (company) {
        facts = {company->name, company->representative_title, company->representative_name};
    }
    d.document = core::policy::draft_from_sample(sample(), facts, d.proposal.asset_scope);
    return d;
}

std::vector<core::policy::ArticleCoverage> PolicyService::coverage(const EngagementGrant& grant,
                                                                   const std::string& text) {
    grant.require(core::EngagementAction::edit_documents);
    core::Validator v;
    v.optional_paragraphs("text", text, core::policy::max_pasted_policy_chars);
    if (core::trim_spaces(text).empty())
        v.fail("text", "既存の基本方針の文章を貼り付けてください。");
    v.throw_if_failed();
    return core::policy::coverage(text, sample());
}

PolicyView PolicyService::save(const RequestContext& ctx, const EngagementGrant& grant,
                               const PolicySaveInput& input) {
    grant.require(core::EngagementAction::edit_documents);
    core::Validator v;
    core::policy::validate(input.document, sample(), v);
    v.optional_paragraphs("note", input.note, core::policy::max_policy_note_chars);
    if (!input.version) v.fail("version", "version を指定してください（最初の版は 0）。");
    v.throw_if_failed();
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::PolicyRepository repo(c);
    auto number = repo.add_version(grant.engagement_id(), *input.version, input.document,
                                   input.note, policy_actor(ctx), now);
    if (!number) policy_stale();
    auto created = repo.version(grant.engagement_id(), *number);
    record(c, ctx, now,
           Change{core::AuditAction::create, core::AuditEntity::policy_version,
                  repo.version_id(grant.engagement_id(), *number), grant.engagement_id(),
                  nlohmann::json(nullptr), snapshot(*created)});
    auto view = view_of(c, grant.engagement_id());
    tx.commit();
    return view;
}

PolicyView PolicyService::set_note(const RequestContext& ctx, const EngagementGrant& grant,
                                   int number, const std::string& note,
                                   std::optional<int> version) {
    grant.require(core::EngagementAction::edit_documents);
    core::Validator v;
    v.optional_paragraphs("note", note, core::policy::max_policy_note_chars);
    v.throw_if_failed();
    int expected = policy_required_version(version, false);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::PolicyRepository repo(c);
    auto before = repo.version(grant.engagement_id(), number);
    if (!before) core::throw_not_found("基本方針の版");
    if (before->approved())
        policy_refused("第" + std::to_string(number) +
                       "版は承認済みのため変更できません。変更は新しい版として保存してください。");
    if (!repo.set_note(grant.engagement_id(), number, note, expected, now)) policy_stale();
    auto after = repo.version(grant.engagement_id(), number);
    record(c, ctx, now,
           Change{core::AuditAction::update, core::AuditEntity::policy_version,
                  repo.version_id(grant.engagement_id(), number), grant.engagement_id(),
                  snapshot(*before), snapshot(*after)});
    auto view = view_of(c, grant.engagement_id());
    tx.commit();
    return view;
}

PolicyView PolicyService::approve(const RequestContext& ctx, const EngagementGrant& grant,
                                  int number, std::optional<int> version) {
    grant.require(core::EngagementAction::approve_documents);
    int expected = policy_required_version(version, false);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::PolicyRepository repo(c);
    auto before = repo.version(grant.engagement_id(), number);
    if (!before) core::throw_not_found("基本方針の版");
    auto head = repo.head(grant.engagement_id());
    if (head && head->approved_number == number)
        policy_refused("第" + std::to_string(number) + "版はすでに承認されています。");
    if (!repo.approve(grant.engagement_id(), number, expected, policy_actor(ctx), now))
        policy_stale();
    auto after = repo.version(grant.engagement_id(), number);
    record(c, ctx, now,
           Change{core::AuditAction::approve_policy, core::AuditEntity::policy_version,
                  repo.version_id(grant.engagement_id(), number), grant.engagement_id(),
                  snapshot(*before), snapshot(*after)});
    auto view = view_of(c, grant.engagement_id());
    tx.commit();
    return view;
}

PolicyView PolicyService::submit(const RequestContext& ctx, const EngagementGrant& grant,
                                 std::optional<int> version) {
    grant.require(core::EngagementAction::submit_documents);
    int expected = policy_required_version(version, false);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::PolicyRepository repo(c);
    auto head = repo.head(grant.engagement_id());
    if (!head || !head->approved_number)
        policy_refused("経営者が承認した版がありません。承認されてから提出してください。");
    if (head->submitted_number == head->approved_number)
        policy_refused("承認された第" + std::to_string(*head->approved_number) +
                       "版はすでに提出済みです。");
    if (!repo.submit(grant.engagement_id(), expected, now)) policy_stale();
    auto submitted = repo.version(grant.engagement_id(), *head->approved_number);
    record(c, ctx, now,
           Change{core::AuditAction::submit_policy, core::AuditEntity::policy_version,
                  repo.version_id(grant.engagement_id(), *head->approved_number),
                  grant.engagement_id(), nlohmann::json(nullptr), snapshot(*submitted)});
    auto view = view_of(c, grant.engagement_id());
    tx.commit();
    return view;
}

SubmittedPolicy PolicyService::submitted(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view_submitted_documents);
    storage::Connection c(env_.db);
    storage::PolicyRepository repo(c);
    auto head = repo.head(grant.engagement_id());
    // Like a 実施報告 before its submission: the policy is there, only not handed over yet.
    if (!head || !head->submitted_number || !head->submitted_at)
        policy_refused("基本方針はまだ事務局に提出されていません。");
    auto version = repo.version(grant.engagement_id(), *head->submitted_number);
    if (!version) core::throw_not_found("提出された基本方針");
    return {std::move(*version), *head->submitted_at};
}

std::string PolicyService::publish(const RequestContext& ctx, const EngagementGrant& grant,
                                   std::optional<int> version) {
    grant.require(core::EngagementAction::approve_documents);
    int expected = policy_required_version(version, false);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::PolicyRepository repo(c);
    auto head = repo.head(grant.engagement_id());
    if (!head || !head->approved_number)
        policy_refused("公開できるのは承認された版だけです。先に版を承認してください。");
    auto token = random_token(24);  // 192 bits
    if (!repo.set_public(grant.engagement_id(), sha256_hex(token), *head->approved_number, expected,
                         now))
        policy_stale();
    record(c, ctx, now,
           Change{core::AuditAction::publish_policy,
                  core::AuditEntity::policy_version,
                  repo.version_id(grant.engagement_id(), *head->approved_number),
                  grant.engagement_id(),
                  nlohmann::json(nullptr),
                  {{"public_number", *head->approved_number}}});
    tx.commit();
    return token;
}

PolicyView PolicyService::unpublish(const RequestContext& ctx, const EngagementGrant& grant,
                                    std::optional<int> version) {
    grant.require(core::EngagementAction::approve_documents);
    int expected = policy_required_version(version, false);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::PolicyRepository repo(c);
    auto head = repo.head(grant.engagement_id());
    if (!head || !head->public_number) policy_refused("基本方針は公開されていません。");
    if (!repo.clear_public(grant.engagement_id(), expected, now)) policy_stale();
    record(c, ctx, now,
           Change{core::AuditAction::unpublish_policy,
                  core::AuditEntity::policy_version,
                  repo.version_id(grant.engagement_id(), *head->public_number),
                  grant.engagement_id(),
                  {{"public_number", *head->public_number}},
                  nlohmann::json(nullptr)});
    auto view = view_of(c, grant.engagement_id());
    tx.commit();
    return view;
}

core::policy::PolicyPrint PolicyService::public_page(const std::string& token) {
    storage::Connection c(env_.db);
    storage::PolicyRepository repo(c);
    auto shown = repo.find_public(sha256_hex(token));
    if (!shown) core::throw_not_found("公開された基本方針");
    auto version = repo.version(shown->first, shown->second);
    if (!version) core::throw_not_found("公開された基本方針");
    return print(*version);
}

core::policy::PolicyPrint PolicyService::print(const core::policy::PolicyVersion& version) const {
    return core::policy::print_of(version, sample());
}

}  // namespace shido::services
