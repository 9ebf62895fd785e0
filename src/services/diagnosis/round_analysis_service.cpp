#include "services/diagnosis/round_analysis_service.hpp"

#include "core/diagnosis/findings.hpp"
#include "core/error.hpp"
#include "services/diagnosis/diagnosis_internal.hpp"
#include "storage/companies/company_repository.hpp"
#include "storage/engagements/engagement_repository.hpp"

namespace shido::services {

using core::EngagementAction;
using namespace diagnosis_detail;

AnalysisResult RoundAnalysisService::analyse(storage::Connection& c,
                                             const storage::RoundRow& round) {
    const auto& instrument = instrument_of(env_, round);
    storage::DiagnosisRepository repo(c);
    return AnalysisResult{RoundDetail{round, &instrument}, repo.list_respondents(round.id),
                          core::diagnosis::analyse(instrument, repo.submitted_sheets(round.id))};
}

AnalysisResult RoundAnalysisService::analysis(const EngagementGrant& round) {
    storage::Connection c(env_.db);
    return analyse(c, granted_round(c, round, EngagementAction::manage_diagnosis));
}

Comparison RoundAnalysisService::compare(const EngagementGrant& engagement, core::Id from,
                                         core::Id to) {
    engagement.require(EngagementAction::manage_diagnosis);
    storage::Connection c(env_.db);
    storage::DiagnosisRepository repo(c);
    auto before_round = repo.find_round(from), after_round = repo.find_round(to);
    // Rounds of other engagements are "not found": their existence is not this actor's to know.
    if (!before_round || !after_round ||
        before_round->engagement_id != engagement.engagement_id() ||
        after_round->engagement_id != engagement.engagement_id())
        core::throw_not_found("この指導案件の自社診断の回");
    if (before_round->instrument_id != after_round->instrument_id)
        throw core::DomainError(core::ErrorCode::validation,
                                "版の異なる自社診断は比較できません。");
    auto before = analyse(c, *before_round), after = analyse(c, *after_round);
    return Comparison{*before_round, *after_round,
                      core::diagnosis::compare(before.analysis, after.analysis)};
}

core::diagnosis::DiagnosisReport RoundAnalysisService::report(const EngagementGrant& round) {
    storage::Connection c(env_.db);
    return report_of(c, granted_round(c, round, EngagementAction::manage_diagnosis));
}

std::optional<core::diagnosis::DiagnosisReport> RoundAnalysisService::latest_closed_report(
    const EngagementGrant& engagement) {
    engagement.require(EngagementAction::view_submitted_documents);
    storage::Connection c(env_.db);
    auto rounds = storage::DiagnosisRepository(c).list_rounds(engagement.engagement_id());
    for (auto it = rounds.rbegin(); it != rounds.rend(); ++it)
        if (it->status == "closed") return report_of(c, *it);
    return std::nullopt;
}

core::diagnosis::DiagnosisReport RoundAnalysisService::report_of(storage::Connection& c,
                                                                 const storage::RoundRow& round) {
    auto result = analyse(c, round);
    auto engagement = storage::EngagementRepository(c).find(result.detail.round.engagement_id);
    auto company = storage::CompanyRepository(c).find(engagement->company_id);
    core::diagnosis::DiagnosisReport report;
    report.instrument = result.detail.instrument;
    report.company_name = company->name;
    report.industry = company->industry;
    report.expert_name = engagement->expert_name.value_or("");
    report.round_name = result.detail.round.name;
    report.generated_on = today(env_);
    report.analysis = std::move(result.analysis);
    report.findings = storage::DiagnosisRepository(c).findings(result.detail.round.id);
    report.priorities = core::diagnosis::prioritise(report.findings);
    return report;
}

}  // namespace shido::services
