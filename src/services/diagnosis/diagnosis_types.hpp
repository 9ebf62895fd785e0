#pragma once
// What the self-assessment's use cases take and return.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnosis/analysis.hpp"
#include "core/diagnosis/instrument.hpp"
#include "core/paging/page.hpp"
#include "storage/diagnosis/diagnosis_repository.hpp"

namespace shido::services {

struct RoundDetail {
    storage::RoundRow round;
    const core::diagnosis::Instrument* instrument = nullptr;
};

struct RespondentFilter {
    std::optional<std::string> role;  // owner, manager, staff
    core::PageRequest page;
};

struct Invite {
    std::string role;  // owner, manager, staff (or 経営者, 管理者, 従業員)
    std::string name;
    std::string department;
    std::optional<int> count;  // N anonymous links of this role
    std::optional<std::string> expires_on;
};

struct IssuedLink {
    storage::RespondentRow respondent;
    std::string token;  // shown once; only its hash is stored
};

struct PaperSheet {
    std::string role;
    std::string name;
    std::string department;
    std::map<std::string, std::string> answers;  // "1" → choice key, as sent
};

struct AnalysisResult {
    RoundDetail detail;
    std::vector<storage::RespondentRow> respondents;  // every sheet, for progress and pending
    core::diagnosis::RoundAnalysis analysis;
};

struct Comparison {
    storage::RoundRow from, to;
    core::diagnosis::RoundComparison result;
};

// What a respondent sees on the answer sheet opened by their link.
struct AnswerSheet {
    storage::RespondentRow respondent;
    storage::RoundRow round;
    std::string company_name;
    const core::diagnosis::Instrument* instrument = nullptr;
    core::diagnosis::Answers answers;
    std::optional<core::diagnosis::Score> result;  // once submitted
};

// invited, answering, submitted, revoked or expired (core::diagnosis::respondent_status).
std::string respondent_status(const storage::RespondentRow& row, const std::string& today);
std::string answer_url(const std::string& base_url, const std::string& token);

}  // namespace shido::services
