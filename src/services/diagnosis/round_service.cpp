#include "services/diagnosis/round_service.hpp"

#include "core/diagnosis/respondent_role.hpp"
#include "core/diagnosis/respondent_status.hpp"
#include "core/error.hpp"
#include "core/validation.hpp"
#include "services/audit/audit_service.hpp"
#include "services/diagnosis/diagnosis_internal.hpp"
#include "services/diagnosis/diagnosis_views.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

using core::EngagementAction;
using namespace diagnosis_detail;

namespace {
constexpr std::size_t max_round_name_chars = 50;
}  // namespace

std::string respondent_status(const storage::RespondentRow& row, const std::string& today) {
    core::diagnosis::SheetFacts facts{row.revoked_at.has_value(), row.submitted_at.has_value(),
                                      row.expires_on, row.answered_count};
    return std::string(
        core::diagnosis::to_string(core::diagnosis::respondent_status(facts, today)));
}

std::string answer_url(const std::string& base_url, const std::string& token) {
    return base_url + "/a/" + token;
}

std::vector<storage::RoundRow> RoundService::list(const EngagementGrant& engagement) {
    engagement.require(EngagementAction::manage_diagnosis);
    storage::Connection c(env_.db);
    return storage::DiagnosisRepository(c).list_rounds(engagement.engagement_id());
}

storage::RoundRow RoundService::open(const RequestContext& ctx, const EngagementGrant& engagement,
                                     const std::string& name) {
    engagement.require(EngagementAction::manage_diagnosis);
    core::Validator v;
    v.require_text("name", name, max_round_name_chars);
    v.throw_if_failed();
    auto now = env_.now();
    auto engagement_id = engagement.engagement_id();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::DiagnosisRepository repo(c);
    auto id = repo.insert_round(engagement_id, env_.content.current_instrument().id, name, now);
    auto round = *repo.find_round(id);
    record(c, ctx, now,
           Change{core::AuditAction::create, core::AuditEntity::diagnosis_round, id, engagement_id,
                  nullptr, snapshot(round)});
    tx.commit();
    return round;
}

RoundDetail RoundService::get(const EngagementGrant& round) {
    storage::Connection c(env_.db);
    auto row = granted_round(c, round, EngagementAction::manage_diagnosis);
    return RoundDetail{row, &instrument_of(env_, row)};
}

storage::RoundRow RoundService::update(const RequestContext& ctx, const EngagementGrant& round,
                                       const std::optional<std::string>& name,
                                       const std::optional<std::string>& status) {
    core::Validator v;
    if (name) v.require_text("name", *name, max_round_name_chars);
    if (status && !core::diagnosis::parse_round_status(*status))
        v.fail("status", "状態は open（受付中）か closed（締切）です。");
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto before = granted_round(c, round, EngagementAction::manage_diagnosis);
    v.throw_if_failed();
    storage::DiagnosisRepository repo(c);
    repo.update_round(before.id, name.value_or(before.name), status.value_or(before.status), now);
    auto after = *repo.find_round(before.id);
    if (after.name != before.name || after.status != before.status)
        record(c, ctx, now,
               Change{core::AuditAction::update, core::AuditEntity::diagnosis_round, before.id,
                      before.engagement_id, snapshot(before), snapshot(after)});
    tx.commit();
    return after;
}

core::Page<storage::RespondentRow> RoundService::respondents(const EngagementGrant& round,
                                                             const RespondentFilter& filter) {
    std::optional<std::string> role;
    if (filter.role && !filter.role->empty()) {
        auto parsed = core::diagnosis::parse_respondent_role(*filter.role);
        if (!parsed)
            throw core::DomainError(core::ErrorCode::validation,
                                    "回答者の立場の指定が正しくありません。",
                                    {{"role", "owner・manager・staff のいずれかです。"}});
        role = std::string(core::diagnosis::to_string(*parsed));
    }
    storage::Connection c(env_.db);
    auto row = granted_round(c, round, EngagementAction::manage_diagnosis);
    return storage::DiagnosisRepository(c).page_respondents(row.id, role, filter.page);
}

}  // namespace shido::services
