#include "core/survey/survey_answers.hpp"

#include "core/error.hpp"
#include "core/text/utf8.hpp"

namespace shido::core::survey {

std::string_view key_of(ResponseState state) {
    return state == ResponseState::submitted ? "submitted" : "draft";
}

std::optional<ResponseState> parse_response_state(std::string_view key) {
    if (key == "draft") return ResponseState::draft;
    if (key == "submitted") return ResponseState::submitted;
    return std::nullopt;
}

documents::DocumentState document_state_of(int version, ResponseState state) {
    if (version == 0) return documents::DocumentState::not_started;
    return state == ResponseState::submitted ? documents::DocumentState::submitted
                                             : documents::DocumentState::draft;
}

SurveyAnswers validated_answers(const SurveyForm& form,
                                const std::map<std::string, std::optional<std::string>>& ratings,
                                const std::map<std::string, std::string>& comments, Validator& v) {
    SurveyAnswers out;
    for (const auto& [key, choice] : ratings) {
        const auto field = "ratings." + key;
        const auto* item = form.item(key);
        if (!item) {
            v.fail(field, "この評価項目はアンケートにありません。");
            continue;
        }
        if (!choice) continue;  // null: left unanswered
        if (!form.choice(*choice)) {
            v.fail(field, "「" + item->label + "」の回答は、選択肢から選んでください。");
            continue;
        }
        out.ratings[key] = *choice;
    }
    for (const auto& [key, text] : comments) {
        const auto field = "comments." + key;
        const auto* question = form.comment(key);
        if (!question) {
            v.fail(field, "この質問はアンケートにありません。");
            continue;
        }
        if (!is_valid_utf8(text)) {
            v.fail(field, "「" + question->label + "」の文字コードが正しくありません（UTF-8）。");
        } else if (has_controls_beyond_line_breaks(text)) {
            v.fail(field, "「" + question->label + "」に使用できない制御文字が含まれています。");
        } else if (utf8_length(text) > question->max_chars) {
            v.fail(field, "「" + question->label + "」は" + std::to_string(question->max_chars) +
                              "文字以内で入力してください。");
        } else if (!trim_spaces(text).empty()) {
            out.comments[key] = text;
        }
    }
    return out;
}

std::vector<const RatingItem*> unanswered_items(const SurveyForm& form,
                                                const SurveyAnswers& answers) {
    std::vector<const RatingItem*> missing;
    for (const auto& item : form.items)
        if (!answers.ratings.contains(item.key)) missing.push_back(&item);
    return missing;
}

void require_complete(const SurveyForm& form, const SurveyAnswers& answers) {
    auto missing = unanswered_items(form, answers);
    if (missing.empty()) return;
    DomainError::FieldErrors fields;
    for (const auto* item : missing)
        fields["ratings." + item->key] = "「" + item->label + "」が未回答です。";
    throw DomainError(ErrorCode::validation,
                      "未回答の評価項目が" + std::to_string(missing.size()) +
                          "件あります。すべての評価項目に回答してから提出してください。",
                      std::move(fields));
}

}  // namespace shido::core::survey
