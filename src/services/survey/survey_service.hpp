#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/documents/document_status.hpp"
#include "core/survey/survey_answers.hpp"
#include "core/survey/survey_results.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"

namespace shido::services {

// One engagement's アンケート: the form it is (or will be) answered on and the response so far.
struct SurveyView {
    const core::survey::SurveyForm* form = nullptr;
    core::survey::SurveyResponse response;  // version 0: nothing stored yet
    core::documents::DocumentState state = core::documents::DocumentState::not_started;
    std::string company_name;
};

// The answers as a person sends them: a rating may be null (cleared).
struct SurveyInput {
    std::map<std::string, std::optional<std::string>> ratings;
    std::map<std::string, std::string> comments;
};

// The secretariat's filters: an expert and a period of submission (dates in Japan, inclusive).
struct SurveyResultsQuery {
    std::optional<std::string> expert_id;
    std::optional<std::string> from;
    std::optional<std::string> to;
};

struct SurveyResults {
    const core::survey::SurveyForm* form = nullptr;  // the current form: items and scale shown
    std::optional<core::Id> expert_id;
    std::optional<std::string> from, to;
    core::survey::SurveyAggregate overall;
    std::vector<core::survey::GroupAggregate> by_expert;
    std::vector<core::survey::GroupAggregate> by_industry;
};

class SurveyService {
  public:
    explicit SurveyService(ServiceEnv env) : env_(env) {}

    // The owner's form and draft (answer_survey); after submission read-only.
    SurveyView get(const EngagementGrant& grant);
    // Saves the whole draft at `version` (0 before the first save); 409 when stale or submitted.
    SurveyView save(const RequestContext& ctx, const EngagementGrant& grant,
                    const SurveyInput& input, std::optional<int> version);
    // Hands the complete response to the secretariat; nothing changes it afterwards.
    SurveyView submit(const RequestContext& ctx, const EngagementGrant& grant,
                      std::optional<int> version);
    // The submitted response (view_survey_results: the secretariat); 409 before submission.
    SurveyView response(const EngagementGrant& grant);
    // Every submitted response aggregated: overall, per expert, per industry (secretariat only).
    SurveyResults results(const RequestContext& ctx, const SurveyResultsQuery& query);
    // Where the アンケート stands, for the engagement page (view): no answers in it.
    core::documents::DocumentStatus status(const EngagementGrant& grant);

  private:
    ServiceEnv env_;
};

}  // namespace shido::services
