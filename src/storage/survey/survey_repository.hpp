#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/documents/document_status.hpp"
#include "core/survey/survey_answers.hpp"
#include "storage/database.hpp"

namespace shido::storage {

// A submitted response with what the results group it by (the engagement's expert, the
// company's industry), for the secretariat.
struct SubmittedSurvey {
    core::Id engagement_id = 0;
    std::string survey_id;
    int survey_version = 0;
    core::survey::SurveyAnswers answers;
    core::Timestamp submitted_at = 0;
    std::optional<core::Id> expert_id;
    std::string expert_name;
    std::string industry;
    std::string company_name;
};

struct SubmittedSurveyFilter {
    std::optional<core::Id> expert_id;
    std::optional<core::Timestamp> from;   // submitted at or after
    std::optional<core::Timestamp> until;  // submitted before
};

// survey_responses: one response per engagement (migration 014).
class SurveyRepository {
  public:
    explicit SurveyRepository(Connection& c) : c_(c) {}

    std::optional<core::survey::SurveyResponse> find(core::Id engagement_id);
    // Stores the draft's answers if the response is still at `expected_version` (0: none yet)
    // and not submitted, bumping the version; false otherwise.
    bool save_draft(const core::survey::SurveyResponse& response, int expected_version, core::Id by,
                    core::Timestamp now);
    // Freezes the response at `version`; false when it moved on or was already submitted.
    bool submit(core::Id engagement_id, int version, core::Id by, core::Timestamp now);

    // Every submitted response matching the filter, oldest submission first.
    std::vector<SubmittedSurvey> submitted(const SubmittedSurveyFilter& filter);

    // For the dashboard and the engagement page: the status of each given engagement in one
    // query (engagements without a response are not_started).
    std::map<core::Id, core::documents::DocumentStatus> statuses(
        const std::vector<core::Id>& engagement_ids);

  private:
    Connection& c_;
};

// SurveyRepository::statuses as a free function: the documents overview's reader of the アンケート.
std::map<core::Id, core::documents::DocumentStatus> survey_statuses(
    Connection& c, const std::vector<core::Id>& engagement_ids);

// The answers as stored (answers_json) and back.
std::string survey_answers_json(const core::survey::SurveyAnswers& answers);
core::survey::SurveyAnswers survey_answers_from_json(const std::string& json);

}  // namespace shido::storage
