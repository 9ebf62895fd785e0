#include "core/survey/survey_form.hpp"

namespace shido::core::survey {

namespace {

template <typename T>
const T* survey_find_by_key(const std::vector<T>& list, std::string_view key) {
    for (const auto& entry : list)
        if (entry.key == key) return &entry;
    return nullptr;
}

}  // namespace

const ScaleChoice* SurveyForm::choice(std::string_view key) const {
    return survey_find_by_key(scale, key);
}
const RatingItem* SurveyForm::item(std::string_view key) const {
    return survey_find_by_key(items, key);
}
const CommentQuestion* SurveyForm::comment(std::string_view key) const {
    return survey_find_by_key(comments, key);
}

}  // namespace shido::core::survey
