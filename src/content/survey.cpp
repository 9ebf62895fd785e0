#include "content/survey.hpp"

#include <set>

#include "content/json_file.hpp"

namespace shido::content {

namespace {

std::string survey_label_of(const Reader& r) {
    auto label = r.text("label");
    if (label.empty()) r.fail("label must not be empty");
    return label;
}

std::string survey_key_of(const Reader& r, std::set<std::string>& seen) {
    auto key = r.text("key");
    if (key.empty()) r.fail("key must not be empty");
    if (!seen.insert(key).second) r.fail("duplicate key '" + key + "'");
    return key;
}

}  // namespace

core::survey::SurveyForm parse_survey_form(const nlohmann::json& doc, const std::string& source) {
    Reader r(doc, source);
    core::survey::SurveyForm form;
    form.id = r.text("id");
    form.version = r.integer("version");
    form.title = r.text("title");
    form.intro = r.text("intro");
    if (form.version < 1) r.fail("version must be 1 or more");
    const auto& scale = r.array("scale");
    std::set<std::string> choice_keys;
    std::set<int> values;
    for (std::size_t i = 0; i < scale.size(); ++i) {
        Reader cr(scale[i], source + ".scale[" + std::to_string(i) + "]");
        core::survey::ScaleChoice choice;
        choice.key = survey_key_of(cr, choice_keys);
        choice.label = survey_label_of(cr);
        choice.value = cr.integer("value");
        cr.finish();
        if (!values.insert(choice.value).second) cr.fail("duplicate value");
        form.scale.push_back(std::move(choice));
    }
    if (form.scale.size() < 2) r.fail("scale must have at least two choices");
    const auto& items = r.array("items");
    std::set<std::string> item_keys;
    for (std::size_t i = 0; i < items.size(); ++i) {
        Reader ir(items[i], source + ".items[" + std::to_string(i) + "]");
        core::survey::RatingItem item;
        item.key = survey_key_of(ir, item_keys);
        item.label = survey_label_of(ir);
        ir.finish();
        form.items.push_back(std::move(item));
    }
    if (form.items.empty()) r.fail("items must not be empty");
    const auto& comments = r.array("comments");
    std::set<std::string> comment_keys;
    for (std::size_t i = 0; i < comments.size(); ++i) {
        Reader qr(comments[i], source + ".comments[" + std::to_string(i) + "]");
        core::survey::CommentQuestion question;
        question.key = survey_key_of(qr, comment_keys);
        question.label = survey_label_of(qr);
        int max_chars = qr.integer("max_chars");
        qr.finish();
        if (max_chars < 1 || max_chars > 10000) qr.fail("max_chars must be 1 to 10000");
        question.max_chars = static_cast<std::size_t>(max_chars);
        form.comments.push_back(std::move(question));
    }
    r.finish();
    return form;
}

}  // namespace shido::content
