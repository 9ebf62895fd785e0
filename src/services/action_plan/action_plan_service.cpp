#include "services/action_plan/action_plan_service.hpp"

#include <set>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "services/action_plan/action_plan_views.hpp"
#include "services/audit/audit_service.hpp"
#include "services/json_helpers.hpp"
#include "storage/action_plan/measure_json.hpp"
#include "storage/diagnosis/diagnosis_repository.hpp"
#include "storage/engagements/engagement_repository.hpp"
#include "storage/rules/rules_check_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

namespace {

namespace plan = core::action_plan;

[[noreturn]] void plan_throw_stale() {
    throw core::DomainError(core::ErrorCode::conflict,
                            "対策実行計画書は他の人が先に更新しました。画面を読み込み直してから、"
                            "もう一度操作してください。");
}

[[noreturn]] void plan_refused(const std::string& message) {
    throw core::DomainError(core::ErrorCode::conflict, message);
}

void plan_require_version(const std::optional<int>& version) {
    if (!version)
        throw core::DomainError(core::ErrorCode::validation, "入力内容に誤りがあります。",
                                {{"version", "version を指定してください。"}});
}

// The facts the plan is built from and judged against, read in the caller's connection.
struct PlanInputs {
    core::Engagement engagement;
    std::optional<storage::StoredActionPlan> stored;
    std::vector<core::diagnosis::Finding> findings;  // of the latest finished round
    std::vector<plan::RuleSource> rule_rows;         // 様式2 rows marked new or revised
    plan::PlanDates dates;
};

// Findings come from the latest round of the plan's diagnosis edition in which the expert
// marked key areas, a closed round before one still open: a round opened (or closed unused)
// since has none and must not hide them. The items stay the same across rounds.
std::vector<core::diagnosis::Finding> plan_findings(storage::Connection& c, core::Id engagement,
                                                    const std::string& instrument_id) {
    storage::DiagnosisRepository repo(c);
    std::vector<core::Id> closed, open;  // oldest first
    for (const auto& round : repo.list_rounds(engagement)) {
        if (round.instrument_id != instrument_id) continue;
        (round.status == "closed" ? closed : open).push_back(round.id);
    }
    for (const auto* rounds : {&closed, &open}) {
        for (auto it = rounds->rbegin(); it != rounds->rend(); ++it) {
            std::vector<core::diagnosis::Finding> key;
            for (auto& f : repo.findings(*it))
                if (f.key_area) key.push_back(std::move(f));
            if (!key.empty()) return key;
        }
    }
    return {};
}

std::vector<plan::RuleSource> plan_rule_rows(storage::Connection& c, const ServiceEnv& env,
                                             core::Id engagement) {
    std::vector<plan::RuleSource> out;
    auto check = storage::RulesCheckRepository(c).find(engagement);
    if (!check) return out;
    const auto& regs = env.content.regulations;
    for (const auto& row : check->rows) {
        if (!row.result || !core::rules::feeds_action_plan(*row.result)) continue;
        if (row.category_no < 1 || row.category_no > static_cast<int>(regs.categories.size()))
            continue;
        out.push_back({row, regs.categories[static_cast<std::size_t>(row.category_no - 1)].name,
                       regs.review_results.at(core::rules::index_of(*row.result)).label});
    }
    return out;
}

PlanInputs plan_inputs(storage::Connection& c, const ServiceEnv& env, core::Id engagement_id) {
    auto engagement = storage::EngagementRepository(c).find(engagement_id);
    if (!engagement) core::throw_not_found("指導案件");
    PlanInputs in{
        std::move(*engagement), storage::ActionPlanRepository(c).find(engagement_id), {}, {}, {}};
    const auto& rules = env.content.current_action_plan().rules;
    in.findings = plan_findings(c, engagement_id, rules.instrument_id);
    in.rule_rows = plan_rule_rows(c, env, engagement_id);
    in.dates =
        plan::plan_dates(in.engagement.sessions, core::date_in_japan(in.engagement.created_at));
    return in;
}

const content::ActionPlanContent& plan_content_of(
    const ServiceEnv& env, const std::optional<storage::StoredActionPlan>& s) {
    if (s)
        if (const auto* kept = env.content.action_plan(s->content_id)) return *kept;
    return env.content.current_action_plan();
}

PlanMeasureView plan_measure_view(const plan::Measure& m, const PlanInputs& in,
                                  const content::ActionPlanContent& content,
                                  const core::diagnosis::Instrument& instrument) {
    PlanMeasureView view{
        m, 0, plan::beyond_horizon(m, in.dates, content.rules.horizon_months), {}, {}};
    std::set<int> direct_rules;
    bool from_finding = false;
    for (const auto& s : m.sources) {
        if (s.kind == plan::SourceKind::finding) {
            from_finding = true;
            for (const auto& f : in.findings)
                if (plan::finding_source_key(content.rules.instrument_id, f.item_no) == s.key) {
                    const auto* item =
                        f.item_no >= 1 && f.item_no <= static_cast<int>(instrument.items.size())
                            ? &instrument.items[static_cast<std::size_t>(f.item_no - 1)]
                            : nullptr;
                    view.items.push_back({f.item_no, item ? item->topic : "", f.finding});
                }
        } else {
            for (const auto& r : in.rule_rows)
                if (core::rules::category_key(content.rules.regulations_id, r.row.category_no) ==
                    s.key) {
                    view.rules.push_back(
                        {r.row.category_no, r.category_name, r.result_label, true});
                    direct_rules.insert(r.row.category_no);
                }
        }
    }
    // A finding's measure is usually carried out through the rules of its area: show them.
    if (from_finding)
        for (const auto& r : in.rule_rows) {
            auto area = content.rules.category_area.find(r.row.category_no);
            if (area != content.rules.category_area.end() && area->second == m.area_key &&
                !direct_rules.count(r.row.category_no))
                view.rules.push_back({r.row.category_no, r.category_name, r.result_label, false});
        }
    return view;
}

ActionPlanView plan_view_of(const ServiceEnv& env, PlanInputs in) {
    ActionPlanView view;
    view.engagement_id = in.engagement.id;
    view.content = &plan_content_of(env, in.stored);
    view.dates = in.dates;
    const auto& instrument = env.content.current_instrument();
    std::vector<plan::Measure> measures =
        in.stored ? in.stored->measures : std::vector<plan::Measure>{};
    view.coverage = plan::coverage_of(in.findings, in.rule_rows, view.content->rules, measures);
    int priority = 0;
    for (const auto& m : plan::prioritised(measures)) {
        auto mv = plan_measure_view(m, in, *view.content, instrument);
        mv.priority = ++priority;
        view.measures.push_back(std::move(mv));
    }
    view.state = plan::state_of(in.stored ? in.stored->versions : plan::PlanVersions{});
    view.stored = std::move(in.stored);
    return view;
}

// Rows with an id must be rows of this plan; they keep their stored sources. Positions follow
// the order sent.
std::vector<plan::Measure> plan_merge_incoming(const std::vector<plan::Measure>& stored,
                                               std::vector<plan::Measure> incoming) {
    std::map<core::Id, const plan::Measure*> by_id;
    for (const auto& m : stored) by_id[m.id] = &m;
    core::Validator v;
    for (std::size_t i = 0; i < incoming.size(); ++i) {
        auto& m = incoming[i];
        m.position = static_cast<int>(i) + 1;
        m.sources.clear();
        if (m.id == 0) continue;
        auto it = by_id.find(m.id);
        if (it == by_id.end())
            v.fail(plan::measure_field(i, "id"),
                   std::to_string(i + 1) + "行目の管理番号 " + std::to_string(m.id) +
                       " はこの計画にありません。新しい行は管理番号を空にしてください。");
        else
            m.sources = it->second->sources;
    }
    v.throw_if_failed();
    return incoming;
}

nlohmann::json plan_audit_snapshot(const std::optional<storage::StoredActionPlan>& s) {
    if (!s) return nullptr;
    return {{"version", s->versions.version},
            {"approved_version", nullable(s->versions.approved_version)},
            {"measures", storage::measures_to_json(s->measures)}};
}

}  // namespace

const plan::PlanRules& ActionPlanService::rules() const {
    return env_.content.current_action_plan().rules;
}

ActionPlanView ActionPlanService::get(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view_documents);
    storage::Connection c(env_.db);
    return plan_view_of(env_, plan_inputs(c, env_, grant.engagement_id()));
}

ActionPlanView ActionPlanService::editing(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::edit_documents);
    storage::Connection c(env_.db);
    return plan_view_of(env_, plan_inputs(c, env_, grant.engagement_id()));
}

ActionPlanView ActionPlanService::save(const RequestContext& ctx, const EngagementGrant& grant,
                                       std::optional<int> expected_version,
                                       std::vector<plan::Measure> incoming) {
    grant.require(core::EngagementAction::edit_documents);
    plan_require_version(expected_version);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto in = plan_inputs(c, env_, grant.engagement_id());
    const auto& content = plan_content_of(env_, in.stored);
    core::Validator v;
    plan::validate_sheet(incoming, content.rules, in.dates, v);
    v.throw_if_failed();
    const int current = in.stored ? in.stored->versions.version : 0;
    if (*expected_version != current) plan_throw_stale();
    auto measures = plan_merge_incoming(
        in.stored ? in.stored->measures : std::vector<plan::Measure>{}, std::move(incoming));
    storage::ActionPlanRepository repo(c);
    if (!repo.save(grant.engagement_id(), content.id, content.version, measures, current,
                   ctx.actor.user_id, now))
        plan_throw_stale();
    auto before = plan_audit_snapshot(in.stored);
    auto after_inputs = plan_inputs(c, env_, grant.engagement_id());
    record(c, ctx, now,
           Change{current == 0 ? core::AuditAction::create : core::AuditAction::update,
                  core::AuditEntity::action_plan, grant.engagement_id(), grant.engagement_id(),
                  before, plan_audit_snapshot(after_inputs.stored)});
    tx.commit();
    return plan_view_of(env_, std::move(after_inputs));
}

plan::SheetChanges ActionPlanService::preview(const EngagementGrant& grant,
                                              const std::vector<plan::Measure>& incoming) {
    grant.require(core::EngagementAction::edit_documents);
    storage::Connection c(env_.db);
    auto in = plan_inputs(c, env_, grant.engagement_id());
    core::Validator v;
    plan::validate_sheet(incoming, plan_content_of(env_, in.stored).rules, in.dates, v);
    v.throw_if_failed();
    auto stored = in.stored ? in.stored->measures : std::vector<plan::Measure>{};
    return plan::changes_between(stored, plan_merge_incoming(stored, incoming));
}

ActionPlanBuilt ActionPlanService::build(const RequestContext& ctx, const EngagementGrant& grant,
                                         std::optional<int> expected_version) {
    grant.require(core::EngagementAction::edit_documents);
    plan_require_version(expected_version);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto in = plan_inputs(c, env_, grant.engagement_id());
    const int current = in.stored ? in.stored->versions.version : 0;
    if (*expected_version != current) plan_throw_stale();
    const auto& content = plan_content_of(env_, in.stored);
    auto existing = in.stored ? in.stored->measures : std::vector<plan::Measure>{};
    auto added = plan::build_from(in.findings, in.rule_rows, content.rules, existing);
    if (added.empty()) {
        tx.commit();
        return {plan_view_of(env_, std::move(in)), 0};
    }
    if (existing.size() + added.size() > plan::max_measures)
        plan_refused("対策は" + std::to_string(plan::max_measures) + "行までです。");
    auto measures = existing;
    measures.insert(measures.end(), added.begin(), added.end());
    if (!storage::ActionPlanRepository(c).save(grant.engagement_id(), content.id, content.version,
                                               measures, current, ctx.actor.user_id, now))
        plan_throw_stale();
    auto before = plan_audit_snapshot(in.stored);
    auto after_inputs = plan_inputs(c, env_, grant.engagement_id());
    record(c, ctx, now,
           Change{core::AuditAction::build_action_plan, core::AuditEntity::action_plan,
                  grant.engagement_id(), grant.engagement_id(), before,
                  plan_audit_snapshot(after_inputs.stored)});
    tx.commit();
    return {plan_view_of(env_, std::move(after_inputs)), static_cast<int>(added.size())};
}

ActionPlanView ActionPlanService::approve(const RequestContext& ctx, const EngagementGrant& grant,
                                          std::optional<int> version) {
    grant.require(core::EngagementAction::approve_documents);
    plan_require_version(version);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto in = plan_inputs(c, env_, grant.engagement_id());
    if (!in.stored) plan_refused("対策実行計画書がまだ作成されていないため、承認できません。");
    if (*version != in.stored->versions.version) plan_throw_stale();
    if (in.stored->versions.approved_version == *version)
        plan_refused("この版（第" + std::to_string(*version) + "版）はすでに承認済みです。");
    if (in.stored->measures.empty()) plan_refused("対策が1行もないため、承認できません。");
    if (!storage::ActionPlanRepository(c).approve(grant.engagement_id(), *version,
                                                  in.stored->measures, ctx.actor.user_id, now))
        plan_throw_stale();
    record(c, ctx, now,
           Change{core::AuditAction::approve_action_plan,
                  core::AuditEntity::action_plan,
                  grant.engagement_id(),
                  grant.engagement_id(),
                  nullptr,
                  {{"version", *version}}});
    tx.commit();
    return plan_view_of(env_, plan_inputs(c, env_, grant.engagement_id()));
}

ActionPlanView ActionPlanService::submit(const RequestContext& ctx, const EngagementGrant& grant,
                                         std::optional<int> version) {
    grant.require(core::EngagementAction::submit_documents);
    plan_require_version(version);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto in = plan_inputs(c, env_, grant.engagement_id());
    if (!in.stored) plan_refused("対策実行計画書がまだ作成されていないため、提出できません。");
    if (*version != in.stored->versions.version) plan_throw_stale();
    if (in.stored->versions.approved_version != *version)
        plan_refused("経営者の承認を受けた版だけを提出できます。先に承認を受けてください。");
    if (in.stored->versions.submitted_version == *version)
        plan_refused("この版はすでに提出済みです。");
    auto view = plan_view_of(env_, std::move(in));
    view.stored->versions.submitted_version = *version;
    view.stored->submitted_at = now;
    view.state = core::documents::DocumentState::submitted;
    if (!storage::ActionPlanRepository(c).submit(grant.engagement_id(), *version, to_json(view),
                                                 now))
        plan_throw_stale();
    record(c, ctx, now,
           Change{core::AuditAction::submit_action_plan,
                  core::AuditEntity::action_plan,
                  grant.engagement_id(),
                  grant.engagement_id(),
                  nullptr,
                  {{"version", *version}}});
    tx.commit();
    return plan_view_of(env_, plan_inputs(c, env_, grant.engagement_id()));
}

nlohmann::json ActionPlanService::submitted(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view_submitted_documents);
    storage::Connection c(env_.db);
    auto json = storage::ActionPlanRepository(c).submitted(grant.engagement_id());
    if (!json) plan_refused("対策実行計画書は、まだ事務局に提出されていません。");
    return *json;
}

core::documents::DocumentStatus ActionPlanService::status(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view);
    storage::Connection c(env_.db);
    return storage::ActionPlanRepository(c)
        .statuses({grant.engagement_id()})
        .at(grant.engagement_id());
}

ApprovedActionPlanSnapshot ActionPlanService::approved_snapshot(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view_documents);
    storage::Connection c(env_.db);
    storage::ActionPlanRepository repo(c);
    auto approved = repo.approved(grant.engagement_id());
    if (!approved) plan_refused("対策実行計画書は、まだ経営者の承認を受けていません。");
    auto engagement = storage::EngagementRepository(c).find(grant.engagement_id());
    if (!engagement) core::throw_not_found("指導案件");
    auto stored = repo.find(grant.engagement_id());
    return {&plan_content_of(env_, stored), engagement->company_name,   approved->version,
            std::move(approved->measures),  approved->approved_by_name, approved->approved_at};
}

}  // namespace shido::services
