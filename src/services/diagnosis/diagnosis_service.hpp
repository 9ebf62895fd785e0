#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnosis/analysis.hpp"
#include "core/diagnosis/findings.hpp"
#include "core/diagnosis/report.hpp"
#include "services/context.hpp"
#include "storage/diagnosis/diagnosis_repository.hpp"

namespace shido::services {

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

struct RoundDetail {
    storage::RoundRow round;
    const core::diagnosis::Instrument* instrument = nullptr;
    std::vector<storage::RespondentRow> respondents;
};

struct AnalysisResult {
    RoundDetail detail;
    core::diagnosis::RoundAnalysis analysis;
};

struct Questionnaire {
    storage::RespondentRow respondent;
    storage::RoundRow round;
    std::string company_name;
    const core::diagnosis::Instrument* instrument = nullptr;
    core::diagnosis::Answers answers;
    std::optional<core::diagnosis::Score> result;  // once submitted
};

struct Comparison {
    storage::RoundRow from, to;
    core::diagnosis::RoundComparison result;
};

// The self-assessment (自社診断): rounds, invitations, answering by link, paper and CSV input,
// the analysis, findings and the data for exports. Staff calls check the access policy on the
// round's engagement; respondent calls are authorised by the link token alone.
class DiagnosisService {
  public:
    explicit DiagnosisService(ServiceEnv env) : env_(env) {}

    std::vector<storage::RoundRow> list_rounds(const RequestContext& ctx, core::Id engagement_id);
    storage::RoundRow open_round(const RequestContext& ctx, core::Id engagement_id,
                                 const std::string& name);
    RoundDetail round(const RequestContext& ctx, core::Id round_id);
    storage::RoundRow update_round(const RequestContext& ctx, core::Id round_id,
                                   const std::optional<std::string>& name,
                                   const std::optional<std::string>& status);
    std::vector<IssuedLink> invite(const RequestContext& ctx, core::Id round_id,
                                   const Invite& invite);
    storage::RespondentRow revoke(const RequestContext& ctx, core::Id respondent_id);
    IssuedLink reissue(const RequestContext& ctx, core::Id respondent_id);
    storage::RespondentRow enter_paper(const RequestContext& ctx, core::Id round_id,
                                       const PaperSheet& sheet);
    int import_csv(const RequestContext& ctx, core::Id round_id, std::string_view bytes);

    AnalysisResult analysis(const RequestContext& ctx, core::Id round_id);
    std::vector<core::diagnosis::Finding> findings(const RequestContext& ctx, core::Id round_id);
    core::diagnosis::Finding save_finding(const RequestContext& ctx, core::Id round_id,
                                          core::diagnosis::Finding finding);
    Comparison compare(const RequestContext& ctx, core::Id engagement_id, core::Id from,
                       core::Id to);
    core::diagnosis::DiagnosisReport report(const RequestContext& ctx, core::Id round_id);
    core::diagnosis::InvitationSheet invitation_sheet(
        const RequestContext& ctx, core::Id round_id,
        const std::vector<std::pair<core::Id, std::string>>& links, const std::string& base_url);

    Questionnaire open_questionnaire(const std::string& token);
    int save_answer(const std::string& token, int item_no, const std::string& choice);
    core::diagnosis::Score submit(const std::string& token, const std::string& request_id);

    std::string today() const;

  private:
    ServiceEnv env_;
};

// invited, answering, submitted, revoked or expired
std::string respondent_status(const storage::RespondentRow& row, const std::string& today);
std::string answer_url(const std::string& base_url, const std::string& token);

}  // namespace shido::services
