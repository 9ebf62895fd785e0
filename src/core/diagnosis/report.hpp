#pragma once
#include <string>
#include <vector>

#include "core/diagnosis/analysis.hpp"
#include "core/diagnosis/findings.hpp"
#include "core/diagnosis/instrument.hpp"

namespace shido::core::diagnosis {

// Everything the 「自社診断結果のまとめ」 workbook and the 「自社診断結果報告」 PDF show. Built by
// the services from stored data; exports only render it (they never query the database).
struct DiagnosisReport {
    const Instrument* instrument = nullptr;
    std::string company_name;
    std::string industry;
    std::string expert_name;
    std::string round_name;
    std::string generated_on;  // YYYY-MM-DD
    RoundAnalysis analysis;
    std::vector<Finding> findings;    // every recorded finding, by item no
    std::vector<Finding> priorities;  // prioritise(findings)
};

// One printed invitation: a QR code and the URL it encodes.
struct Invitation {
    RespondentRole role = RespondentRole::staff;
    std::string name;  // empty: anonymous
    std::string department;
    std::string url;  // absolute, e.g. https://host/a/<token>
};

struct InvitationSheet {
    std::string company_name;
    std::string round_name;
    std::string instrument_title;
    std::string expires_on;  // YYYY-MM-DD or empty
    std::vector<Invitation> invitations;
};

}  // namespace shido::core::diagnosis
