// An アンケート as the owner sends it: parse the body, read it strictly and check the answers
// against the current form as the save and the submission do. Only the two structured refusals
// (bad_request, validation) may come out; valid answers keep only the form's items and choices.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "content/json_file.hpp"
#include "content/survey.hpp"
#include "core/error.hpp"
#include "core/survey/survey_answers.hpp"
#include "fuzz_check.hpp"
#include "http/json_input.hpp"
#include "http/survey/survey_bodies.hpp"

namespace {

const shido::core::survey::SurveyForm& fuzz_survey_form() {
    static const auto form = shido::content::parse_survey_form(
        shido::content::read_json_file(std::string(SHIDO_CONTENT_DIR) + "/survey/guidance-1.json"),
        "guidance-1.json");
    return form;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto& form = fuzz_survey_form();
    try {
        auto body = shido::http::parse_json_body(text);
        auto [input, version] = shido::http::survey_input_of(body);
        shido::core::Validator v;
        auto answers =
            shido::core::survey::validated_answers(form, input.ratings, input.comments, v);
        v.throw_if_failed();
        for (const auto& [item, choice] : answers.ratings)
            FUZZ_CHECK(form.item(item) && form.choice(choice));
        for (const auto& [question, comment] : answers.comments) FUZZ_CHECK(form.comment(question));
        if (answers.ratings.size() == form.items.size())
            shido::core::survey::require_complete(form, answers);
        else
            FUZZ_CHECK(!shido::core::survey::unanswered_items(form, answers).empty());
    } catch (const shido::core::DomainError& e) {
        FUZZ_CHECK(e.code() == shido::core::ErrorCode::bad_request ||
                   e.code() == shido::core::ErrorCode::validation);
    }
    return 0;
}
