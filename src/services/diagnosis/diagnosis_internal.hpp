#pragma once
// Helpers shared by the self-assessment's use cases; not part of the services' interface.
#include <string>

#include "core/diagnosis/instrument.hpp"
#include "core/diagnosis/respondent_role.hpp"
#include "core/validation.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"
#include "storage/diagnosis/diagnosis_repository.hpp"

namespace shido::services::diagnosis_detail {

// The round a grant was made for, after checking the grant covers `action`.
storage::RoundRow granted_round(storage::Connection& c, const EngagementGrant& grant,
                                core::EngagementAction action);
// The respondent a grant was made for, and its round.
std::pair<storage::RespondentRow, storage::RoundRow> granted_respondent(
    storage::Connection& c, const EngagementGrant& grant, core::EngagementAction action);
const core::diagnosis::Instrument& instrument_of(const ServiceEnv& env,
                                                 const storage::RoundRow& round);
void require_open(const storage::RoundRow& round);

core::diagnosis::RespondentRole parse_role_or_fail(core::Validator& v, const std::string& text);
storage::RespondentRow new_respondent(core::Id round_id, core::diagnosis::RespondentRole role,
                                      std::string name, std::string department, std::string source);

}  // namespace shido::services::diagnosis_detail
