#include "services/final_report/final_report_facts.hpp"

#include <algorithm>
#include <cmath>

#include "core/diagnosis/analysis.hpp"
#include "core/policy/policy_document.hpp"
#include "core/rules/rules_check.hpp"
#include "storage/action_plan/action_plan_repository.hpp"
#include "storage/diagnosis/diagnosis_repository.hpp"
#include "storage/policy/policy_repository.hpp"
#include "storage/rules/rules_check_repository.hpp"

namespace shido::services::final_report_detail {

namespace {

namespace fr = core::final_report;

std::vector<fr::SessionFact> session_facts(const core::Engagement& e,
                                           const content::Curriculum& course) {
    std::vector<fr::SessionFact> out;
    for (const auto& s : course.sessions) {
        fr::SessionFact fact{s.no, s.title, s.theme, std::nullopt, std::nullopt};
        for (const auto& plan : e.sessions)
            if (plan.no == s.no) {
                fact.held_on = plan.held_on;
                fact.planned_date = plan.planned_date;
            }
        out.push_back(std::move(fact));
    }
    return out;
}

struct AnalysedRound {
    storage::RoundRow row;
    const core::diagnosis::Instrument* instrument = nullptr;
    core::diagnosis::RoundAnalysis analysis;
};

fr::RoundFact round_fact(const AnalysedRound& r) {
    const auto& band = core::diagnosis::band_for(
        *r.instrument, static_cast<int>(std::lround(r.analysis.all.total_mean)));
    return {r.row.name, r.analysis.all.respondents, r.analysis.all.total_mean, band.label};
}

// The first round with answers, and the latest later one of the same edition (comparable).
fr::DiagnosisFacts diagnosis_facts(storage::Connection& c, const ServiceEnv& env,
                                   core::Id engagement_id) {
    storage::DiagnosisRepository repo(c);
    std::vector<AnalysedRound> rounds;
    for (const auto& row : repo.list_rounds(engagement_id)) {
        if (row.submitted_count == 0) continue;
        const auto* instrument = env.content.instrument(row.instrument_id);
        if (!instrument) continue;
        rounds.push_back({row, instrument,
                          core::diagnosis::analyse(*instrument, repo.submitted_sheets(row.id))});
    }
    fr::DiagnosisFacts out;
    if (rounds.empty()) return out;
    const auto& first = rounds.front();
    out.first = round_fact(first);
    const AnalysedRound* last = nullptr;
    for (std::size_t i = 1; i < rounds.size(); ++i)
        if (rounds[i].row.instrument_id == first.row.instrument_id) last = &rounds[i];
    if (!last) return out;
    out.final = round_fact(*last);
    auto comparison = core::diagnosis::compare(first.analysis, last->analysis);
    for (const auto& item : comparison.items) {
        if (item.before_mean == item.after_mean) continue;
        const auto* known = first.instrument->item(item.item_no);
        out.changes.push_back(
            {item.item_no, known ? known->topic : "", item.before_mean, item.after_mean});
    }
    return out;
}

fr::PolicyFacts policy_facts(storage::Connection& c, core::Id engagement_id) {
    storage::PolicyRepository repo(c);
    auto head = repo.head(engagement_id);
    fr::PolicyFacts out;
    out.state = core::policy::policy_status(head).state;
    if (!head || !head->approved_number) return out;
    out.approved_number = head->approved_number;
    out.published = head->public_number.has_value();
    if (auto v = repo.version(engagement_id, *head->approved_number)) {
        out.approved_by = v->approved_by_name;
        out.approved_at = v->approved_at;
    }
    return out;
}

fr::RulesFacts rules_facts(storage::Connection& c, const ServiceEnv& env, core::Id engagement_id) {
    fr::RulesFacts out;
    auto check = storage::RulesCheckRepository(c).find(engagement_id);
    if (!check) return out;
    out.state = core::rules::state_of(*check);
    auto summary = core::rules::summarise(check->rows);
    const auto& labels = env.content.regulations.review_results;
    for (std::size_t i = 0; i < summary.by_result.size() && i < labels.size(); ++i)
        out.counts.push_back({labels[i].label, summary.by_result[i]});
    out.unset = summary.unset;
    out.total = summary.total;
    return out;
}

core::documents::DocumentState plan_state(
    storage::Connection& c, core::Id engagement_id,
    const std::map<core::documents::DocumentKind, DocumentStatusesSource>& statuses) {
    auto source = statuses.find(core::documents::DocumentKind::action_plan);
    if (source == statuses.end()) return core::documents::DocumentState::not_started;
    auto found = source->second(c, {engagement_id});
    auto it = found.find(engagement_id);
    return it == found.end() ? core::documents::DocumentState::not_started : it->second.state;
}

// 様式3 in a line: its measures by 改善分野 and how many are decided 実施可 (labels from the
// plan's content, the counts from its stored rows).
std::optional<fr::PlanFacts> plan_facts(storage::Connection& c, const ServiceEnv& env,
                                        core::Id engagement_id) {
    auto plan = storage::ActionPlanRepository(c).find(engagement_id);
    if (!plan || plan->measures.empty()) return std::nullopt;
    const auto* content = env.content.action_plan(plan->content_id);
    if (!content) content = &env.content.current_action_plan();
    std::string summary;
    for (const auto& area : content->areas) {
        auto count = std::count_if(plan->measures.begin(), plan->measures.end(),
                                   [&](const auto& m) { return m.area_key == area.key; });
        summary += (summary.empty() ? "" : "、") + area.label + " " + std::to_string(count) + "件";
    }
    auto feasible = std::count_if(plan->measures.begin(), plan->measures.end(), [](const auto& m) {
        return m.feasibility == core::action_plan::Feasibility::feasible;
    });
    summary += "（" + content->columns.feasibility + " " + content->feasibility.at(0).label + ": " +
               std::to_string(feasible) + "件）";
    return fr::PlanFacts{static_cast<int>(plan->measures.size()), summary};
}

}  // namespace

fr::Facts gather_facts(
    storage::Connection& c, const ServiceEnv& env, const core::Engagement& engagement,
    const content::Curriculum& course,
    const std::map<core::documents::DocumentKind, DocumentStatusesSource>& statuses) {
    fr::Facts facts;
    facts.sessions = session_facts(engagement, course);
    facts.diagnosis = diagnosis_facts(c, env, engagement.id);
    facts.policy = policy_facts(c, engagement.id);
    facts.rules = rules_facts(c, env, engagement.id);
    facts.plan_state = plan_state(c, engagement.id, statuses);
    facts.plan = plan_facts(c, env, engagement.id);
    return facts;
}

}  // namespace shido::services::final_report_detail
