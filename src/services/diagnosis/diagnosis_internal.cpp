#include "services/diagnosis/diagnosis_internal.hpp"

#include <stdexcept>

#include "core/error.hpp"

namespace shido::services::diagnosis_detail {

storage::RoundRow granted_round(storage::Connection& c, const EngagementGrant& grant,
                                core::EngagementAction action) {
    grant.require(action);
    auto round =
        storage::DiagnosisRepository(c).find_round(grant.id_of(core::Anchor::diagnosis_round));
    if (!round) core::throw_not_found("自社診断の回");  // deleted since the access check
    return *round;
}

std::pair<storage::RespondentRow, storage::RoundRow> granted_respondent(
    storage::Connection& c, const EngagementGrant& grant, core::EngagementAction action) {
    grant.require(action);
    storage::DiagnosisRepository repo(c);
    auto respondent = repo.find_respondent(grant.id_of(core::Anchor::respondent));
    if (!respondent) core::throw_not_found("回答者");
    return {*respondent, *repo.find_round(respondent->round_id)};
}

const core::diagnosis::Instrument& instrument_of(const ServiceEnv& env,
                                                 const storage::RoundRow& round) {
    const auto* instrument = env.content.instrument(round.instrument_id);
    if (!instrument)
        throw std::runtime_error("instrument " + round.instrument_id + " is not loaded");
    return *instrument;
}

void require_open(const storage::RoundRow& round) {
    if (round.status != "open")
        throw core::DomainError(core::ErrorCode::conflict,
                                "この回の自社診断は締め切られています。");
}

core::diagnosis::RespondentRole parse_role_or_fail(core::Validator& v, const std::string& text) {
    auto role = core::diagnosis::parse_respondent_role(text);
    if (!role) v.fail("role", "回答者の立場は 経営者・管理者・従業員 のいずれかを選んでください。");
    return role.value_or(core::diagnosis::RespondentRole::staff);
}

storage::RespondentRow new_respondent(core::Id round_id, core::diagnosis::RespondentRole role,
                                      std::string name, std::string department,
                                      std::string source) {
    storage::RespondentRow row;
    row.round_id = round_id;
    row.role = std::string(core::diagnosis::to_string(role));
    row.name = std::move(name);
    row.department = std::move(department);
    row.source = std::move(source);
    return row;
}

}  // namespace shido::services::diagnosis_detail
