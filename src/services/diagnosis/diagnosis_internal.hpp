#pragma once
// Helpers shared by the files of DiagnosisService; not part of the services' interface.
#include <string>

#include "core/access/access_policy.hpp"
#include "core/diagnosis/instrument.hpp"
#include "services/context.hpp"
#include "storage/diagnosis/diagnosis_repository.hpp"

namespace shido::services::diagnosis_detail {

// The round, after checking that the actor may perform `action` on its engagement.
storage::RoundRow authorised_round(storage::Connection& c, const RequestContext& ctx,
                                   core::Id round_id, core::EngagementAction action);
void authorise_engagement(storage::Connection& c, const RequestContext& ctx, core::Id engagement_id,
                          core::EngagementAction action);
const core::diagnosis::Instrument& instrument_of(const ServiceEnv& env,
                                                 const storage::RoundRow& round);
void require_open(const storage::RoundRow& round);
[[noreturn]] void throw_link_unusable(const std::string& message);

}  // namespace shido::services::diagnosis_detail
