#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/documents/document_state.hpp"
#include "core/ids.hpp"
#include "core/survey/survey_form.hpp"
#include "core/validation.hpp"

namespace shido::core::survey {

// What the owner answered: a scale choice key per rating item, a text per comment question.
// Items left out are unanswered; a draft may be incomplete, a submission may not.
struct SurveyAnswers {
    std::map<std::string, std::string> ratings;   // item key → choice key
    std::map<std::string, std::string> comments;  // question key → text (empty ones dropped)
};

enum class ResponseState { draft, submitted };

// One engagement's response, with the form (id + version) it was answered on.
struct SurveyResponse {
    Id engagement_id = 0;
    std::string survey_id;
    int survey_version = 0;
    SurveyAnswers answers;
    ResponseState state = ResponseState::draft;
    int version = 0;  // 0: nothing stored yet
    std::optional<Timestamp> updated_at;
    std::optional<Timestamp> submitted_at;
};

std::string_view key_of(ResponseState state);
std::optional<ResponseState> parse_response_state(std::string_view key);
documents::DocumentState document_state_of(int version, ResponseState state);

// The answers checked against the form; every problem in `v`, under "ratings.<item key>" or
// "comments.<question key>", in Japanese naming the item. Unanswered (null) ratings are
// dropped; so are empty comments.
SurveyAnswers validated_answers(const SurveyForm& form,
                                const std::map<std::string, std::optional<std::string>>& ratings,
                                const std::map<std::string, std::string>& comments, Validator& v);

// The rating items not yet answered, in the form's order: submission needs none.
std::vector<const RatingItem*> unanswered_items(const SurveyForm& form,
                                                const SurveyAnswers& answers);
// Throws DomainError(validation) naming every unanswered item when the answers are incomplete.
void require_complete(const SurveyForm& form, const SurveyAnswers& answers);

}  // namespace shido::core::survey
