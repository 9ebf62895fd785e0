#pragma once
#include "services/diagnosis/answer_sheet_service.hpp"
#include "services/diagnosis/finding_service.hpp"
#include "services/diagnosis/invitation_service.hpp"
#include "services/diagnosis/round_analysis_service.hpp"
#include "services/diagnosis/round_service.hpp"
#include "services/diagnosis/sheet_input_service.hpp"

namespace shido::services {

// The self-assessment's use cases (自社診断), one class per concern.
struct DiagnosisServices {
    explicit DiagnosisServices(ServiceEnv env)
        : rounds(env),
          invitations(env),
          sheets(env),
          analysis(env),
          findings(env),
          answer_sheets(env) {}

    RoundService rounds;
    InvitationService invitations;
    SheetInputService sheets;
    RoundAnalysisService analysis;
    FindingService findings;
    AnswerSheetService answer_sheets;
};

}  // namespace shido::services
