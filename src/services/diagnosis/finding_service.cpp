#include "services/diagnosis/finding_service.hpp"

#include "core/error.hpp"
#include "core/validation.hpp"
#include "services/audit/audit_service.hpp"
#include "services/diagnosis/diagnosis_internal.hpp"
#include "services/diagnosis/diagnosis_views.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

using core::EngagementAction;
using namespace diagnosis_detail;

std::vector<core::diagnosis::Finding> FindingService::list(const EngagementGrant& grant) {
    storage::Connection c(env_.db);
    auto round = granted_round(c, grant, EngagementAction::view_records);
    return storage::DiagnosisRepository(c).findings(round.id);
}

core::diagnosis::Finding FindingService::save(const RequestContext& ctx,
                                              const EngagementGrant& grant,
                                              core::diagnosis::Finding finding) {
    core::Validator v;
    v.optional_paragraphs("notes", finding.notes, core::diagnosis::max_finding_notes_chars);
    v.optional_paragraphs("finding", finding.finding, core::diagnosis::max_finding_text_chars);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto round = granted_round(c, grant, EngagementAction::record_findings);
    auto round_id = round.id;
    if (!instrument_of(env_, round).item(finding.item_no)) core::throw_not_found("診断項目");
    v.throw_if_failed();
    storage::DiagnosisRepository repo(c);
    std::optional<core::diagnosis::Finding> before;
    for (const auto& f : repo.findings(round_id))
        if (f.item_no == finding.item_no) before = f;
    if (before) {
        // Saving what is already there changes nothing, so nothing is stored or audited.
        auto unchanged = finding;
        unchanged.updated_at = before->updated_at;
        if (to_json(unchanged) == to_json(*before)) return *before;
    }
    finding.updated_at = now;
    repo.save_finding(round_id, round.instrument_id, finding);
    record(c, ctx, now,
           Change{before ? core::AuditAction::update : core::AuditAction::create,
                  core::AuditEntity::diagnosis_finding, round_id, round.engagement_id,
                  before ? to_json(*before) : nlohmann::json(nullptr), to_json(finding)});
    tx.commit();
    return finding;
}

}  // namespace shido::services
